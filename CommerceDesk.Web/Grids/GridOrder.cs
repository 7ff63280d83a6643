using System.Linq.Expressions;
using CommerceDesk.Domain.Common;

namespace CommerceDesk.Web.Grids;

internal static class GridOrder
{
    /// <summary>
    /// Orders by <paramref name="key"/>, then by id in the same direction: pages never overlap, and an index on
    /// (key, id) serves both directions, since SQLite walks an index backwards only when every column flips.
    /// </summary>
    public static IOrderedQueryable<T> OrderForGrid<T, TKey>(this IQueryable<T> query, Expression<Func<T, TKey>> key, bool descending)
        where T : Entity =>
        descending ? query.OrderByDescending(key).ThenByDescending(e => e.Id) : query.OrderBy(key).ThenBy(e => e.Id);
}
