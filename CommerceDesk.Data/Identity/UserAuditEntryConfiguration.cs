using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommerceDesk.Data.Identity;

internal sealed class UserAuditEntryConfiguration : IEntityTypeConfiguration<UserAuditEntry>
{
    public void Configure(EntityTypeBuilder<UserAuditEntry> builder)
    {
        builder.ToTable("UserAuditEntries");
        builder.Property(e => e.ActorEmail).HasMaxLength(UserAuditEntry.EmailMaxLength);
        builder.Property(e => e.UserEmail).HasMaxLength(UserAuditEntry.EmailMaxLength);
        builder.Property(e => e.Action).HasConversion<string>().HasMaxLength(30);
        builder.Property(e => e.Detail).HasMaxLength(UserAuditEntry.DetailMaxLength);
        // The users page: newest changes first.
        builder.HasIndex(e => e.At).HasDatabaseName("IX_UserAuditEntries_At");
    }
}
