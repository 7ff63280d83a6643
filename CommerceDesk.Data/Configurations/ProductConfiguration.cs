using CommerceDesk.Domain.Products;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommerceDesk.Data.Configurations;

internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> builder)
    {
        // A product's storefront id is its SKU: unique per channel (upserts, stock bookings and the grid's search by SKU).
        builder.MapStorefrontRecord();
        builder.Property(p => p.ExternalId).HasColumnName("Sku").HasMaxLength(Product.SkuMaxLength);
        builder.Ignore(p => p.Sku);
        builder.Property(p => p.Name).HasMaxLength(Product.NameMaxLength);
        builder.MapMoney(p => p.Price, "Price");
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Ignore(p => p.Available);
        builder.Ignore(p => p.IsOversold);
        // Grid: the default order (by name) and the sort by what is available.
        builder.HasIndex(p => new { p.Name, p.Id }).HasDatabaseName("IX_Products_Name");
    }
}
