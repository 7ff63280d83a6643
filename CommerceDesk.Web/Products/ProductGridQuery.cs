using CommerceDesk.Data;
using CommerceDesk.Domain.Products;
using CommerceDesk.Web.Grids;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Products;

/// <summary>The products grid's filters. Text search matches the start of the SKU or any part of the name, case aside.</summary>
public sealed record ProductGridFilter(string? Search = null, long? ChannelId = null, bool? Oversold = null) : GridFilter(Search)
{
    /// <summary>No filter: every row.</summary>
    public ProductGridFilter() : this(Search: null) { }
}

public sealed record ProductRow(long Id, string Sku, string Name, string Channel, decimal Price, string Currency, int OnHand, int Reserved) : IGridRow
{
    /// <summary>Below zero when confirmed orders promise more than is on hand (oversold).</summary>
    public int Available => OnHand - Reserved;
}

/// <summary>One page of the products grid, filtered, sorted and paged by the database.</summary>
public sealed class ProductGridQuery : GridQuery<Product, ProductGridFilter, ProductRow>
{
    public static readonly IReadOnlyList<string> SortableColumns =
        [nameof(ProductRow.Sku), nameof(ProductRow.Name), nameof(ProductRow.Price), nameof(ProductRow.OnHand), nameof(ProductRow.Reserved), nameof(ProductRow.Available)];

    protected override IQueryable<Product> Filter(CommerceDbContext db, ProductGridFilter filter)
    {
        var products = db.Products.AsNoTracking();
        if (filter.ChannelId is { } channelId) products = products.Where(p => p.ChannelId == channelId);
        if (filter.Oversold is true) products = products.Where(p => p.OnHand - p.Reserved < 0);
        if (filter.Oversold is false) products = products.Where(p => p.OnHand - p.Reserved >= 0);
        if (TextSearch.Prefix(filter.Search?.ToLowerInvariant()) is { } prefix)
        {
            var contains = "%" + prefix;
            products = products.Where(p => EF.Functions.Like(p.ExternalId.ToLower(), prefix, TextSearch.EscapeCharacter)
                || EF.Functions.Like(p.Name.ToLower(), contains, TextSearch.EscapeCharacter));
        }
        return products;
    }

    protected override IOrderedQueryable<Product> Sort(IQueryable<Product> products, GridPaging paging) => (paging.SortBy, paging.Descending) switch
    {
        (nameof(ProductRow.Sku), var descending) => products.OrderForGrid(p => p.ExternalId, descending),
        (nameof(ProductRow.Price), var descending) => products.OrderForGrid(p => p.Price.Amount, descending),
        (nameof(ProductRow.OnHand), var descending) => products.OrderForGrid(p => p.OnHand, descending),
        (nameof(ProductRow.Reserved), var descending) => products.OrderForGrid(p => p.Reserved, descending),
        (nameof(ProductRow.Available), var descending) => products.OrderForGrid(p => p.OnHand - p.Reserved, descending),
        (nameof(ProductRow.Name), true) => products.OrderForGrid(p => p.Name, descending: true),
        _ => products.OrderForGrid(p => p.Name, descending: false),
    };

    protected override IQueryable<ProductRow> Project(CommerceDbContext db, IOrderedQueryable<Product> sorted) =>
        sorted.Select(p => new ProductRow(p.Id, p.ExternalId, p.Name, db.Channels.Where(c => c.Id == p.ChannelId).Select(c => c.Code).First(),
            p.Price.Amount, p.Price.Currency, p.OnHand, p.Reserved));
}
