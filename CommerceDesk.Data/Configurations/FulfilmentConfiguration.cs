using CommerceDesk.Domain.Fulfilment;
using CommerceDesk.Domain.Orders;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommerceDesk.Data.Configurations;

internal sealed class DeliveryConfiguration : IEntityTypeConfiguration<Delivery>
{
    public void Configure(EntityTypeBuilder<Delivery> builder)
    {
        // One delivery per order: a second confirmation (a retried save, another node) meets the unique index.
        builder.HasOne<Order>("Order").WithOne().HasForeignKey<Delivery>(d => d.OrderId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => d.OrderId).IsUnique();
        builder.Property(d => d.Route).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.StockState).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.PickedBy).HasMaxLength(Domain.Common.Actor.NameMaxLength);
        builder.Property(d => d.PackedBy).HasMaxLength(Domain.Common.Actor.NameMaxLength);
        builder.Property(d => d.ShippedBy).HasMaxLength(Domain.Common.Actor.NameMaxLength);
        builder.Property(d => d.DeliveredBy).HasMaxLength(Domain.Common.Actor.NameMaxLength);
        builder.Property(d => d.CarrierName).HasMaxLength(Carrier.NameMaxLength);
        builder.Property(d => d.TrackingNumber).HasMaxLength(Delivery.TrackingNumberMaxLength);
        builder.Property(d => d.TrackingUrl).HasMaxLength(Delivery.TrackingUrlMaxLength);
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.Ignore(d => d.Steps);
        builder.Ignore(d => d.NextStep);
        builder.Ignore(d => d.IsCancelled);
        builder.Ignore(d => d.Reservation);
        builder.Ignore(d => d.DomainEvents);
        builder.OwnsMany(d => d.Lines, line =>
        {
            line.ToTable("DeliveryLines");
            line.WithOwner().HasForeignKey("DeliveryId");
            line.HasKey(l => l.Id);
            line.Property(l => l.Sku).HasMaxLength(Domain.Common.LineItem.SkuMaxLength);
            line.Property(l => l.Name).HasMaxLength(Domain.Common.LineItem.NameMaxLength);
        });
        builder.Navigation(d => d.Lines).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class CarrierConfiguration : IEntityTypeConfiguration<Carrier>
{
    public void Configure(EntityTypeBuilder<Carrier> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(Carrier.NameMaxLength);
        builder.HasIndex(c => c.Name).IsUnique();
        builder.Property(c => c.TrackingUrlTemplate).HasMaxLength(Carrier.TemplateMaxLength);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Ignore(c => c.DomainEvents);
    }
}

internal sealed class FulfilmentSettingsConfiguration : IEntityTypeConfiguration<FulfilmentSettings>
{
    public void Configure(EntityTypeBuilder<FulfilmentSettings> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Route).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.Ignore(s => s.DomainEvents);
    }
}
