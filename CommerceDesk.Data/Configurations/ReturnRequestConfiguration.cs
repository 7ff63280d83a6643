using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Customers;
using CommerceDesk.Domain.Orders;
using CommerceDesk.Domain.Returns;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommerceDesk.Data.Configurations;

internal sealed class ReturnRequestConfiguration : IEntityTypeConfiguration<ReturnRequest>
{
    public void Configure(EntityTypeBuilder<ReturnRequest> builder)
    {
        builder.ToTable("ReturnRequests");
        builder.Property(r => r.OrderNumber).HasMaxLength(Order.NumberMaxLength);
        builder.Property(r => r.Email).HasMaxLength(Customer.EmailMaxLength);
        builder.Property(r => r.Reason).HasMaxLength(ReturnRequest.ReasonMaxLength);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.DecidedBy).HasMaxLength(Actor.NameMaxLength);
        builder.Property(r => r.DecidedByUserId).HasMaxLength(Actor.UserIdMaxLength);
        builder.Property(r => r.RefusalReason).HasMaxLength(ReturnRequest.RefusalMaxLength);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Ignore(r => r.DomainEvents);
        builder.HasOne<Order>().WithMany().HasForeignKey(r => r.OrderId).OnDelete(DeleteBehavior.Cascade);
        // One open request per order, however many times the form is sent and on however many nodes.
        builder.HasIndex(r => r.OrderId).IsUnique().HasFilter("\"Status\" = 'Pending'").HasDatabaseName("IX_ReturnRequests_Pending");
        builder.HasIndex(r => new { r.OrderId, r.CreatedAt }).HasDatabaseName("IX_ReturnRequests_Order");
        // The managers' list: open first, newest first.
        builder.HasIndex(r => new { r.Status, r.CreatedAt }).HasDatabaseName("IX_ReturnRequests_Status_CreatedAt");

        builder.OwnsMany(r => r.Lines, line =>
        {
            line.ToTable("ReturnRequestLines");
            line.WithOwner().HasForeignKey("ReturnRequestId");
            line.HasKey(l => l.Id);
            line.Property(l => l.Sku).HasMaxLength(LineItem.SkuMaxLength);
            line.Property(l => l.Name).HasMaxLength(LineItem.NameMaxLength);
        });
        builder.Navigation(r => r.Lines).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ReturnFormAttemptConfiguration : IEntityTypeConfiguration<ReturnFormAttempt>
{
    public void Configure(EntityTypeBuilder<ReturnFormAttempt> builder)
    {
        builder.ToTable("ReturnFormAttempts");
        builder.Property(a => a.Key).HasMaxLength(ReturnFormAttempt.KeyMaxLength).IsUnicode(false);
        builder.HasIndex(a => new { a.Key, a.WindowStart, a.Slot }).IsUnique().HasDatabaseName("IX_ReturnFormAttempts_Claim");
        builder.HasIndex(a => a.WindowStart).HasDatabaseName("IX_ReturnFormAttempts_WindowStart");
    }
}
