using CommerceDesk.Data;
using CommerceDesk.Data.Search;
using CommerceDesk.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Grids;

/// <summary>A grid's query as its page and its CSV export see it: a filter record in, one page and its total out, or every row streamed.</summary>
public interface IGridQuery<in TFilter, TRow>
{
    Task<GridPage<TRow>> RunAsync(CommerceDbContext db, TFilter filter, GridPaging paging, CancellationToken cancellationToken = default);

    /// <summary>Every row matching the filter in the grid's order (the CSV export).</summary>
    IAsyncEnumerable<TRow> StreamAsync(CommerceDbContext db, TFilter filter, GridPaging paging);
}

/// <summary>
/// The one shape of every grid's query: a grid says how its filter narrows the table (<see cref="Filter"/>), its
/// orders, each ending in the id so pages never overlap (<see cref="Sort"/>), and the row with its joins
/// (<see cref="Project"/>); a filter on one counted column alone may take its total from <see cref="ValueCounts"/>
/// (<see cref="CountedBy"/>). Free of UI types, so the benchmarks run the very same query as the pages.
/// </summary>
public abstract class GridQuery<TEntity, TFilter, TRow> : IGridQuery<TFilter, TRow>
    where TEntity : Entity
    where TFilter : GridFilter
{
    /// <summary>
    /// Runs one page the way every grid does: the total count, then the page's ids by skip and take over the sort's
    /// narrow index, then the rows with their joins for those ids only (joining before the OFFSET made a deep page read
    /// every skipped row's customer). Both round trips share one open connection.
    /// </summary>
    public async Task<GridPage<TRow>> RunAsync(CommerceDbContext db, TFilter filter, GridPaging paging, CancellationToken cancellationToken = default)
    {
        paging = paging.Normalized();
        var filtered = Filter(db, filter);
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var total = await ValueCounts.CountAsync(db, CountedBy(filter), filtered, cancellationToken);
            if (total <= paging.Skip) return new GridPage<TRow>([], total);
            // Joined rather than Contains(): EF keeps Skip/Take of a joined query as parameters, but would write them into
            // a Contains() subquery as constants and compile a new query for every page number.
            var pageIds = Sort(filtered, paging).Select(e => e.Id).Skip(paging.Skip).Take(paging.PageSize);
            var page = from id in pageIds join row in db.Set<TEntity>().AsNoTracking() on id equals row.Id select row;
            return new GridPage<TRow>(await Project(db, Sort(page, paging)).ToListAsync(cancellationToken), total);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    public IAsyncEnumerable<TRow> StreamAsync(CommerceDbContext db, TFilter filter, GridPaging paging) =>
        Project(db, Sort(Filter(db, filter), paging)).AsAsyncEnumerable();

    /// <summary>The rows the filter selects, unsorted and untracked.</summary>
    protected abstract IQueryable<TEntity> Filter(CommerceDbContext db, TFilter filter);

    /// <summary>The grid's order for <see cref="GridPaging.SortBy"/>, always ending in the id; an unknown column gets the default order.</summary>
    protected abstract IOrderedQueryable<TEntity> Sort(IQueryable<TEntity> rows, GridPaging paging);

    /// <summary>The rows of sorted entities with what they show from other tables (the order is kept through the joins).</summary>
    protected abstract IQueryable<TRow> Project(CommerceDbContext db, IOrderedQueryable<TEntity> sorted);

    /// <summary>The counter that holds this filter's total, where the filter is one counted value alone; null counts the rows.</summary>
    protected virtual ValueCounts.CountedValue? CountedBy(TFilter filter) => null;

    /// <summary>True when <paramref name="filter"/> selects exactly what <paramref name="alone"/> does (a blank search and the day zone aside: the zone only shapes day filters, which count).</summary>
    protected static bool SelectsOnly(TFilter filter, TFilter alone) =>
        string.IsNullOrWhiteSpace(filter.Search) && Equals(filter.WithSearch(null).InDayZone(null), alone);
}
