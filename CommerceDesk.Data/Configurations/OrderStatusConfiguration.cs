using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Orders;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommerceDesk.Data.Configurations;

internal sealed class OrderStatusDefinitionConfiguration : IEntityTypeConfiguration<OrderStatusDefinition>
{
    public void Configure(EntityTypeBuilder<OrderStatusDefinition> builder)
    {
        builder.ToTable("OrderStatusDefinitions");
        builder.Property(d => d.Code).HasMaxLength(OrderStatuses.MaxLength);
        // Seeding on two nodes at once: the unique code lets only one of them add a default.
        builder.HasIndex(d => d.Code).IsUnique();
        builder.Property(d => d.Name).HasMaxLength(OrderStatusDefinition.NameMaxLength);
        builder.Property(d => d.ParentCode).HasMaxLength(OrderStatuses.MaxLength);
        builder.Property(d => d.Colour).HasMaxLength(OrderStatusDefinition.ColourMaxLength);
        builder.Property(d => d.CustomerTemplateKey).HasMaxLength(OrderStatusDefinition.TemplateKeyMaxLength);
        builder.PrimitiveCollection<List<string>>("_allowedNext").HasColumnName("AllowedNext");
        builder.Ignore(d => d.AllowedNext);
        builder.Ignore(d => d.IsSubStatus);
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.Ignore(d => d.DomainEvents);
    }
}

internal sealed class OrderStatusChangeConfiguration : IEntityTypeConfiguration<OrderStatusChange>
{
    public void Configure(EntityTypeBuilder<OrderStatusChange> builder)
    {
        builder.ToTable("OrderStatusHistory");
        builder.Property(c => c.FromCode).HasMaxLength(OrderStatuses.MaxLength);
        builder.Property(c => c.ToCode).HasMaxLength(OrderStatuses.MaxLength);
        builder.Property(c => c.ChangedByUserId).HasMaxLength(Actor.UserIdMaxLength);
        builder.Property(c => c.ChangedBy).HasMaxLength(Actor.NameMaxLength);
        builder.Property(c => c.Note).HasMaxLength(OrderStatusChange.NoteMaxLength);
        builder.HasOne<Order>().WithMany().HasForeignKey(c => c.OrderId).OnDelete(DeleteBehavior.Cascade);
        // One line per step of an order's history: a second node recording the same move fails here.
        builder.HasIndex(c => new { c.OrderId, c.Sequence }).IsUnique().HasDatabaseName("IX_OrderStatusHistory_Order_Sequence");
        // "Is this status in use?" before an admin deletes it.
        builder.HasIndex(c => c.ToCode).HasDatabaseName("IX_OrderStatusHistory_ToCode");
    }
}
