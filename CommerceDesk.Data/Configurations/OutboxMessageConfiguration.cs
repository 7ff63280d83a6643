using CommerceDesk.Domain.Customers;
using CommerceDesk.Domain.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommerceDesk.Data.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("OutboxMessages");
        builder.Property(m => m.DedupeKey).HasMaxLength(OutboxMessage.DedupeKeyMaxLength);
        builder.Property(m => m.To).HasMaxLength(Customer.EmailMaxLength);
        builder.Property(m => m.Subject).HasMaxLength(OutboxMessage.SubjectMaxLength);
        builder.Property(m => m.LastError).HasMaxLength(OutboxMessage.ErrorMaxLength);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        // Only the sender holding the claim may record the outcome: its save fails once another node took over.
        builder.Property(m => m.ClaimToken).IsConcurrencyToken();
        builder.Ignore(m => m.DomainEvents);

        // "Queue once": a second enqueue with the same key is rejected by the database, whoever races.
        builder.HasIndex(m => m.DedupeKey).IsUnique().HasDatabaseName("IX_OutboxMessages_DedupeKey");
        // The sender: pending messages that are due, and Sending ones whose lease ran out (NextAttemptAt is the lease end).
        builder.HasIndex(m => new { m.Status, m.NextAttemptAt }).HasDatabaseName("IX_OutboxMessages_Due");
        // The Outbox page: newest first.
        builder.HasIndex(m => m.CreatedAt).HasDatabaseName("IX_OutboxMessages_CreatedAt");
    }
}
