using CommerceDesk.Domain.Carts;
using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Customers;
using CommerceDesk.Domain.Orders;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommerceDesk.Data.Configurations;

internal sealed class CartConfiguration : IEntityTypeConfiguration<Cart>
{
    public void Configure(EntityTypeBuilder<Cart> builder)
    {
        builder.MapStorefrontRecord();
        builder.Property(c => c.CustomerExternalId).HasMaxLength(StorefrontRecord.ExternalIdMaxLength);
        builder.Property(c => c.Email).HasMaxLength(Customer.EmailMaxLength);
        builder.MapMoney(c => c.Subtotal, "Subtotal");
        builder.MapCrmSync(c => c.CrmSync);
        builder.Property(c => c.CheckoutStep).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Property(c => c.WorkflowStep).HasMaxLength(Domain.Workflows.WorkflowItem.NameMaxLength);
        builder.Ignore(c => c.Currency);
        builder.Ignore(c => c.HasContactEmail);

        builder.HasOne<Customer>().WithMany().HasForeignKey(c => c.CustomerId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Order>().WithMany().HasForeignKey(c => c.OrderId).OnDelete(DeleteBehavior.SetNull);

        builder.OwnsMany(c => c.Items, item =>
        {
            item.ToTable("CartItems");
            item.WithOwner().HasForeignKey("CartId");
            item.HasKey(i => i.Id);
            item.MapLineItem();
        });
        builder.Navigation(c => c.Items).UsePropertyAccessMode(PropertyAccessMode.Field);

        // The abandonment sweep: open carts of a channel it has not examined yet, by last activity. Examined carts
        // (abandoned, or marked checked) move out of the range it reads, so its cost follows the carts due.
        builder.HasIndex(c => new { c.Status, c.ChannelId, c.AbandonmentCheckedAt, c.LastActivityAt }).HasDatabaseName("IX_Carts_OpenByLastActivity");
        // The reminder sweep: abandoned carts the reminder rules have not looked at yet.
        builder.HasIndex(c => new { c.Status, c.ReminderCheckedAt, c.AbandonedAt }).HasDatabaseName("IX_Carts_ReminderUnchecked");
        // Grid: default sort, channel filter, customer page.
        builder.HasIndex(c => c.LastActivityAt).HasDatabaseName("IX_Carts_LastActivityAt");
        builder.HasIndex(c => new { c.ChannelId, c.LastActivityAt }).HasDatabaseName("IX_Carts_Channel_LastActivityAt");
        builder.HasIndex(c => new { c.CustomerId, c.LastActivityAt }).HasDatabaseName("IX_Carts_Customer");
        builder.HasIndex(c => c.Email).HasDatabaseName("IX_Carts_Email");
        // Grid: status filter in the default order (newest activity first) and sort by status descending, walked backwards.
        builder.HasIndex(c => new { c.Status, c.LastActivityAt }).HasDatabaseName("IX_Carts_Status_LastActivityAt");
        // Grid sort by status ascending, newest first inside each status (a mixed order SQLite cannot walk backwards).
        builder.HasIndex(c => new { c.Status, c.LastActivityAt, c.Id }).IsDescending(false, true, true).HasDatabaseName("IX_Carts_StatusSort");
        // Grid sorts by cart id and by item count.
        builder.HasIndex(c => c.ExternalId).HasDatabaseName("IX_Carts_ExternalId");
        builder.HasIndex(c => c.ItemCount).HasDatabaseName("IX_Carts_ItemCount");
        // Grid filter "Workflow step".
        builder.HasIndex(c => new { c.WorkflowStep, c.LastActivityAt }).HasDatabaseName("IX_Carts_WorkflowStep");
        // A cart that arrives before its customer is linked when the customer is pushed.
        builder.HasIndex(c => new { c.ChannelId, c.CustomerExternalId }).HasDatabaseName("IX_Carts_PendingCustomer");
    }
}
