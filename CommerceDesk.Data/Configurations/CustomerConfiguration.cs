using CommerceDesk.Domain.Accounts;
using CommerceDesk.Domain.Customers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommerceDesk.Data.Configurations;

internal sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> builder)
    {
        builder.MapStorefrontRecord();
        builder.Property(c => c.Email).HasMaxLength(Customer.EmailMaxLength);
        builder.Property(c => c.FirstName).HasMaxLength(Customer.NameMaxLength);
        builder.Property(c => c.LastName).HasMaxLength(Customer.NameMaxLength);
        builder.Property(c => c.Phone).HasMaxLength(Customer.PhoneMaxLength);
        builder.Property(c => c.ParentExternalId).HasMaxLength(Customer.ExternalIdMaxLength);
        builder.Ignore(c => c.FullName);
        // A customer has no version: its source time is the compare-and-swap instead, so of two nodes applying pushes
        // of the same customer at once, the one that read an older row fails its update and reads again.
        builder.Property(c => c.SourceUpdatedAt).IsConcurrencyToken();

        builder.HasOne<Customer>().WithMany().HasForeignKey(c => c.ParentCustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Account>().WithMany().HasForeignKey(c => c.AccountId).OnDelete(DeleteBehavior.SetNull);

        builder.HasIndex(c => c.Email).HasDatabaseName("IX_Customers_Email");
        builder.HasIndex(c => new { c.LastName, c.FirstName }).HasDatabaseName("IX_Customers_Name");
        builder.HasIndex(c => c.CreatedAt).HasDatabaseName("IX_Customers_CreatedAt");
        // Grid: the channel and guest filters in the default order (newest first), and their counts.
        builder.HasIndex(c => new { c.ChannelId, c.CreatedAt }).HasDatabaseName("IX_Customers_Channel_CreatedAt");
        builder.HasIndex(c => new { c.IsGuest, c.CreatedAt }).HasDatabaseName("IX_Customers_Guest_CreatedAt");
        // A child that arrives before its parent is linked when the parent is pushed.
        builder.HasIndex(c => new { c.ChannelId, c.ParentExternalId }).HasDatabaseName("IX_Customers_PendingParent");
    }
}
