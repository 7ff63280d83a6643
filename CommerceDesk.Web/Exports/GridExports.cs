using System.Globalization;
using CommerceDesk.Data;
using CommerceDesk.Domain.Carts;
using CommerceDesk.Web.Carts;
using CommerceDesk.Web.Components.Shared;
using CommerceDesk.Web.Customers;
using CommerceDesk.Web.Grids;
using CommerceDesk.Web.Localization;
using CommerceDesk.Web.Orders;
using CommerceDesk.Web.Orders.Statuses;
using CommerceDesk.Web.Products;
using CsvHelper;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Exports;

/// <summary>
/// CSV downloads of what a grid shows: same filters and order, every matching row, streamed from the
/// database. Behind the app's sign-in like every page (the fallback policy).
/// </summary>
internal static class GridExports
{
    public const string OrdersPath = "/export/orders.csv";
    public const string CartsPath = "/export/carts.csv";
    public const string CustomersPath = "/export/customers.csv";
    public const string ProductsPath = "/export/products.csv";
    public const string OpportunitiesPath = "/export/opportunities.csv";
    public const string AccountsPath = "/export/accounts.csv";

    public static void MapGridExports(this WebApplication app)
    {
        app.MapOpportunitiesExport();
        // Statuses as the admin named them, sub-status included ("Completed · Delivered"), like the grid's chips.
        app.MapExport(OrdersPath, "orders", new OrderGridQuery(),
            query => new OrderGridFilter(Search(query), Text(query, "status"), Long(query["channelId"]), Day(query["from"]), Day(query["to"])),
            async http =>
            {
                var statuses = await http.RequestServices.GetRequiredService<OrderStatusCatalog>().GetAsync();
                return
                [
                    ("Order", r => r.Number), ("Channel", r => r.Channel), ("Customer", r => r.CustomerName), ("E-mail", r => r.Email),
                    ("Placed (UTC)", r => r.PlacedAt), ("Subtotal", r => r.Subtotal), ("Currency", r => r.Currency), ("Status", r => statuses.LabelOf(r.Status, r.SubStatus)),
                    ("Payment", r => r.PaymentStatus), ("Commercial state", r => Display.CommercialState(r.CommercialState)), ("CRM sync", r => Display.CrmSync(r.CrmStatus)), ("CRM error", r => r.CrmError),
                ];
            });

        app.MapExport(CartsPath, "carts", new CartGridQuery(),
            query => new CartGridFilter(Search(query), Enum.TryParse<CartStatus>(query["status"], ignoreCase: true, out var status) ? status : null,
                Long(query["channelId"]), Day(query["from"]), Day(query["to"])),
            [
                ("Cart", r => r.ExternalId), ("Channel", r => r.Channel), ("Customer", r => r.CustomerName), ("E-mail", r => r.Email),
                ("Items", r => r.ItemCount), ("Subtotal", r => r.Subtotal), ("Currency", r => r.Currency), ("Checkout step", r => Display.CheckoutStep(r.CheckoutStep)),
                ("Status", r => r.Status), ("Last activity (UTC)", r => r.LastActivityAt), ("CRM sync", r => Display.CrmSync(r.CrmStatus)), ("CRM error", r => r.CrmError),
            ]);

        app.MapExport(CustomersPath, "customers", new CustomerGridQuery(),
            query => new CustomerGridFilter(Search(query), Long(query["channelId"]), bool.TryParse(query["guests"], out var guests) ? guests : null,
                Day(query["from"]), Day(query["to"])),
            [
                ("Name", r => r.Name), ("E-mail", r => r.Email), ("Phone", r => r.Phone), ("Channel", r => r.Channel), ("Guest", r => r.IsGuest ? "Yes" : "No"),
                ("Created (UTC)", r => r.CreatedAt), ("Account", r => r.AccountName), ("Orders", r => r.OrderCount),
            ]);

        app.MapProductExport();
        app.MapAccountExport();
    }

    private static void MapAccountExport(this WebApplication app) =>
        app.MapExport(AccountsPath, "accounts", new Accounts.AccountGridQuery(),
            query => new Accounts.AccountGridFilter(Search(query), bool.TryParse(query["active"], out var active) ? active : null),
            [
                ("Name", r => r.Name), ("Status", r => r.IsActive ? "Active" : "Inactive"), ("Lifetime sales value", r => r.LifetimeSalesValue),
                ("Customers", r => r.CustomerCount), ("Open opportunities", r => r.OpenOpportunities), ("Last activity (UTC)", r => r.LastActivityAt),
            ]);

    public static string AccountsUrl(Accounts.AccountGridFilter f, GridPaging p) => Url(AccountsPath, p,
        ("search", f.Search), ("active", f.Active?.ToString()));

    private static void MapProductExport(this WebApplication app) =>
        app.MapExport(ProductsPath, "products", new ProductGridQuery(),
            query => new ProductGridFilter(Search(query), Long(query["channelId"]), bool.TryParse(query["oversold"], out var oversold) ? oversold : null),
            [
                ("SKU", r => r.Sku), ("Name", r => r.Name), ("Channel", r => r.Channel), ("Price", r => r.Price), ("Currency", r => r.Currency),
                ("On hand", r => r.OnHand), ("Reserved", r => r.Reserved), ("Available", r => r.Available),
            ]);

    public static string ProductsUrl(ProductGridFilter f, GridPaging p) => Url(ProductsPath, p,
        ("search", f.Search), ("oversold", f.Oversold?.ToString()), ("channelId", f.ChannelId?.ToString(CultureInfo.InvariantCulture)));
    private static void MapOpportunitiesExport(this WebApplication app) =>
        app.MapExport(OpportunitiesPath, "opportunities", new Opportunities.OpportunityGridQuery(),
            query => new Opportunities.OpportunityGridFilter(Search(query), Text(query, "stage"), Text(query, "owner"), Day(query["month"]),
                Enum.TryParse<Opportunities.OpportunitySource>(query["source"], ignoreCase: true, out var source) ? source : null),
            [
                ("Name", r => r.Name), ("Customer", r => r.CustomerName), ("Stage", r => r.Stage), ("Amount", r => r.Amount), ("Currency", r => r.Currency),
                ("Close date", r => DateOnly.FromDateTime(r.CloseDate).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("Owner", r => r.OwnerName),
                ("Source", r => Display.OpportunitySource(r.Source)), ("Source cart", r => r.SourceCartExternalId), ("Source order", r => r.SourceOrderNumber), ("CRM id", r => r.ExternalCrmId),
            ]);

    public static string OpportunitiesUrl(Opportunities.OpportunityGridFilter f, GridPaging p) => Url(OpportunitiesPath, p,
        ("search", f.Search), ("stage", f.Stage), ("owner", f.Owner), ("month", Format(f.CloseMonth)), ("source", f.Source?.ToString()));

    /// <summary>One grid's download: its filter read from the link, its query's rows streamed in its order as the columns say.</summary>
    private static void MapExport<TFilter, TRow>(this WebApplication app, string path, string name, IGridQuery<TFilter, TRow> grid,
        Func<IQueryCollection, TFilter> filterOf, (string Header, Func<TRow, object?> Value)[] columns) where TFilter : GridFilter =>
        app.MapExport(path, name, grid, filterOf, _ => Task.FromResult(columns));

    /// <summary>The same, with columns that need something read per download (the admin's status names).</summary>
    private static void MapExport<TFilter, TRow>(this WebApplication app, string path, string name, IGridQuery<TFilter, TRow> grid,
        Func<IQueryCollection, TFilter> filterOf, Func<HttpContext, Task<(string Header, Func<TRow, object?> Value)[]>> columnsFor) where TFilter : GridFilter =>
        app.MapGet(path, async (HttpContext http, IDbContextFactory<CommerceDbContext> factory, TimeProvider time) =>
        {
            var query = http.Request.Query;
            var filter = filterOf(query).InDayZone(Zone(query));
            var columns = await columnsFor(http);
            await using var db = await factory.CreateDbContextAsync(http.RequestAborted);
            await WriteAsync(http, $"{name}-{Stamp(time)}.csv", grid.StreamAsync(db, filter, Paging(query)), columns);
        });

    public static string OrdersUrl(OrderGridFilter f, GridPaging p) => Url(OrdersPath, p,
        ("search", f.Search), ("status", f.Status), ("channelId", f.ChannelId?.ToString(CultureInfo.InvariantCulture)),
        ("from", Format(f.PlacedFrom)), ("to", Format(f.PlacedTo)), ("tz", DaysIn(f.PlacedFrom, f.PlacedTo, f.DayZone)));

    public static string CartsUrl(CartGridFilter f, GridPaging p) => Url(CartsPath, p,
        ("search", f.Search), ("status", f.Status?.ToString()), ("channelId", f.ChannelId?.ToString(CultureInfo.InvariantCulture)),
        ("from", Format(f.ActiveFrom)), ("to", Format(f.ActiveTo)), ("tz", DaysIn(f.ActiveFrom, f.ActiveTo, f.DayZone)));

    public static string CustomersUrl(CustomerGridFilter f, GridPaging p) => Url(CustomersPath, p,
        ("search", f.Search), ("guests", f.Guests?.ToString()), ("channelId", f.ChannelId?.ToString(CultureInfo.InvariantCulture)),
        ("from", Format(f.CreatedFrom)), ("to", Format(f.CreatedTo)), ("tz", DaysIn(f.CreatedFrom, f.CreatedTo, f.DayZone)));

    private static string Url(string path, GridPaging paging, params (string Key, string? Value)[] parameters)
    {
        var values = parameters.Where(p => !string.IsNullOrWhiteSpace(p.Value)).ToDictionary(p => p.Key, p => (string?)p.Value);
        if (paging.SortBy is { } sortBy)
        {
            values["sortBy"] = sortBy;
            values["desc"] = paging.Descending ? "true" : "false";
        }
        return QueryHelpers.AddQueryString(path, values);
    }

    private static async Task WriteAsync<TRow>(HttpContext http, string fileName, IAsyncEnumerable<TRow> rows, (string Header, Func<TRow, object?> Value)[] columns)
    {
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        // A BOM so spreadsheets read UTF-8 names right; formula characters escaped so a customer named "=HYPERLINK(...)" stays text.
        var options = CsvWriterOptions.Default with { WriteByteOrderMark = true, Injection = CsvInjection.Escape };
        await using var csv = CsvWriter.Create(http.Response.Body, options, leaveOpen: true);
        foreach (var column in columns) csv.WriteField(column.Header);
        await csv.EndRecordAsync(http.RequestAborted);
        await foreach (var row in rows.WithCancellation(http.RequestAborted))
        {
            foreach (var column in columns) csv.WriteField(Format(column.Value(row)));
            await csv.EndRecordAsync(http.RequestAborted);
        }
        await csv.FlushAsync(http.RequestAborted);
    }

    private static string? Format(object? value) => value switch
    {
        null => null,
        DateTime time => Display.IsoUtc(time),
        decimal amount => amount.ToString(CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static GridPaging Paging(IQueryCollection query) =>
        new(SortBy: query["sortBy"].FirstOrDefault(), Descending: !string.Equals(query["desc"], "false", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The search without control characters: a NUL or line feed (pasted, or from a hand-edited link) means nothing to
    /// a search and would break the full-text query after the file has started, cutting the download off.
    /// </summary>
    private static string? Search(IQueryCollection query) => Text(query, "search");

    /// <summary>A text filter (search, status, stage, owner) without control characters; PostgreSQL's text cannot hold a NUL.</summary>
    private static string? Text(IQueryCollection query, string key) =>
        query[key].ToString() is { Length: > 0 } text && string.Concat(text.Where(c => !char.IsControl(c))) is { Length: > 0 } clean ? clean : null;

    private static long? Long(string? value) => long.TryParse(value, CultureInfo.InvariantCulture, out var v) ? v : null;

    private static DateOnly? Day(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    // The day filter's zone travels with the link only when there is a day filter, so plain links stay plain.
    private static string? DaysIn(DateOnly? from, DateOnly? to, TimeZoneInfo? zone) =>
        (from ?? to) is null || zone is null || zone.HasSameRules(TimeZoneInfo.Utc) ? null : zone.Id;

    private static TimeZoneInfo Zone(IQueryCollection query) => DisplayTimeZone.Resolve(query["tz"]).Zone;

    private static string? Format(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Stamp(TimeProvider time) => time.GetUtcNow().ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture);
}
