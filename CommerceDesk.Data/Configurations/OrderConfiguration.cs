using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Customers;
using CommerceDesk.Domain.Orders;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommerceDesk.Data.Configurations;

internal sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> builder)
    {
        builder.MapStorefrontRecord();
        builder.Property(o => o.Number).HasMaxLength(Order.NumberMaxLength);
        builder.Property(o => o.CartExternalId).HasMaxLength(StorefrontRecord.ExternalIdMaxLength);
        builder.Property(o => o.CustomerExternalId).HasMaxLength(StorefrontRecord.ExternalIdMaxLength);
        builder.Property(o => o.Email).HasMaxLength(Customer.EmailMaxLength);
        builder.MapMoney(o => o.Subtotal, "Subtotal");
        builder.MapCrmSync(o => o.CrmSync);
        builder.ComplexProperty(o => o.PaymentMethod, p =>
        {
            p.Property(x => x.Code).HasColumnName("PaymentMethodCode").HasMaxLength(PaymentMethod.CodeMaxLength);
            p.Property(x => x.Kind).HasColumnName("PaymentKind").HasConversion<string>().HasMaxLength(20);
        });
        builder.Property(o => o.PaymentStatus).HasConversion<string>().HasMaxLength(20);
        builder.Property(o => o.CommercialState).HasConversion<string>().HasMaxLength(20);
        builder.Property(o => o.Status).HasMaxLength(OrderStatuses.MaxLength);
        builder.Property(o => o.SubStatus).HasMaxLength(OrderStatuses.MaxLength);
        builder.Property(o => o.Version).IsConcurrencyToken();
        builder.Property(o => o.FeedbackComments).HasMaxLength(Order.FeedbackMaxLength);
        builder.Property(o => o.WorkflowStep).HasMaxLength(Domain.Workflows.WorkflowItem.NameMaxLength);
        builder.Ignore(o => o.Currency);
        builder.Property(o => o.TrackingToken).HasMaxLength(Order.TrackingTokenMaxLength).IsUnicode(false);
        builder.HasIndex(o => o.TrackingToken).IsUnique().HasDatabaseName("IX_Orders_TrackingToken"); // the public tracking page

        builder.HasOne<Customer>().WithMany().HasForeignKey(o => o.CustomerId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Domain.Carts.Cart>().WithMany().HasForeignKey(o => o.CartId).OnDelete(DeleteBehavior.SetNull);
        // Partial: orders without a cart (phone, marketplace) would otherwise make SQLite's statistics call the
        // index useless and scan Orders for the sweep's "failed payment for these carts" look-up.
        builder.HasIndex(o => o.CartId).HasFilter("\"CartId\" IS NOT NULL").HasDatabaseName("IX_Orders_CartId");

        builder.OwnsMany(o => o.Lines, line =>
        {
            line.ToTable("OrderLines");
            line.WithOwner().HasForeignKey("OrderId");
            line.HasKey(l => l.Id);
            line.MapLineItem();
        });
        builder.Navigation(o => o.Lines).UsePropertyAccessMode(PropertyAccessMode.Field);

        // Grid: default sort and the status, payment and channel filters; the new-orders badge.
        builder.HasIndex(o => o.PlacedAt).HasDatabaseName("IX_Orders_PlacedAt");
        builder.HasIndex(o => new { o.Status, o.PlacedAt }).HasDatabaseName("IX_Orders_Status_PlacedAt");
        // Grid sort by status ascending, newest first inside each status: SQLite walks an index backwards only when
        // every column flips, so this mixed order needs its own index (descending uses IX_Orders_Status_PlacedAt backwards).
        builder.HasIndex(o => new { o.Status, o.PlacedAt, o.Id }).IsDescending(false, true, true).HasDatabaseName("IX_Orders_StatusSort");
        builder.HasIndex(o => new { o.PaymentStatus, o.PlacedAt }).HasDatabaseName("IX_Orders_PaymentStatus_PlacedAt");
        builder.HasIndex(o => new { o.ChannelId, o.PlacedAt }).HasDatabaseName("IX_Orders_Channel_PlacedAt");
        builder.HasIndex(o => new { o.CustomerId, o.PlacedAt }).HasDatabaseName("IX_Orders_Customer");
        builder.HasIndex(o => o.Number).HasDatabaseName("IX_Orders_Number");
        // The reminder rules ask "has this address ordered since": the e-mail, then the date.
        builder.HasIndex(o => new { o.Email, o.PlacedAt }).HasDatabaseName("IX_Orders_Email");
        // Grid filter "Workflow step".
        builder.HasIndex(o => new { o.WorkflowStep, o.PlacedAt }).HasDatabaseName("IX_Orders_WorkflowStep");
        // Orders that arrive before their cart or customer are linked when those are pushed.
        builder.HasIndex(o => new { o.ChannelId, o.CartExternalId }).HasDatabaseName("IX_Orders_PendingCart");
        builder.HasIndex(o => new { o.ChannelId, o.CustomerExternalId }).HasDatabaseName("IX_Orders_PendingCustomer");
    }
}
