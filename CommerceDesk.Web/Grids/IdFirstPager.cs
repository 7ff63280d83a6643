using CommerceDesk.Data;
using CommerceDesk.Data.Search;
using CommerceDesk.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Grids;

/// <summary>
/// Runs one grid page the way every grid does: the total count, then the page's ids by skip and take over the sort's
/// narrow index, then the rows with their joins for those ids only (joining before the OFFSET made a deep page read
/// every skipped row's customer). Both round trips share one open connection. A filter on one counted column alone
/// (<paramref name="countedBy"/>) takes its total from <see cref="ValueCounts"/> instead of counting the rows.
/// </summary>
internal static class IdFirstPager
{
    public static async Task<GridPage<TRow>> PageAsync<TEntity, TRow>(
        CommerceDbContext db, IQueryable<TEntity> filtered, GridPaging paging,
        Func<IQueryable<TEntity>, IOrderedQueryable<TEntity>> sort, Func<IOrderedQueryable<TEntity>, IQueryable<TRow>> project,
        ValueCounts.CountedValue? countedBy, CancellationToken cancellationToken)
        where TEntity : Entity
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var total = await ValueCounts.CountAsync(db, countedBy, filtered, cancellationToken);
            if (total <= paging.Skip) return new GridPage<TRow>([], total);
            // Joined rather than Contains(): EF keeps Skip/Take of a joined query as parameters, but would write them into
            // a Contains() subquery as constants and compile a new query for every page number.
            var pageIds = sort(filtered).Select(e => e.Id).Skip(paging.Skip).Take(paging.PageSize);
            var page = from id in pageIds join row in db.Set<TEntity>().AsNoTracking() on id equals row.Id select row;
            return new GridPage<TRow>(await project(sort(page)).ToListAsync(cancellationToken), total);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
