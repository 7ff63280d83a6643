using CommerceDesk.Domain.Common;

namespace CommerceDesk.Domain.Orders;

/// <summary>Which statuses an order may move to, read from the admin's status definitions.</summary>
public sealed class OrderStatusRules(IEnumerable<OrderStatusDefinition> definitions)
{
    private readonly IReadOnlyList<OrderStatusDefinition> _all = definitions.OrderBy(d => d.Position).ToList();

    public IReadOnlyList<OrderStatusDefinition> All => _all;

    public OrderStatusDefinition? Find(string code) => _all.FirstOrDefault(d => d.Code == code);

    public string NameOf(string code) => Find(code)?.Name ?? code;

    /// <summary>An order's status as managers read it, e.g. "Completed · Delivered" for a sub-status.</summary>
    public string LabelOf(string code, string? subCode) => subCode is null ? NameOf(code) : $"{NameOf(code)} · {NameOf(subCode)}";

    /// <summary>An order sits in a leaf: a main status without sub-statuses, or a sub-status.</summary>
    public bool HasSubStatuses(string code) => _all.Any(d => d.ParentCode == code);

    /// <summary>The statuses an order in <paramref name="fromCode"/> may move to, in display order.</summary>
    public IReadOnlyList<OrderStatusDefinition> NextFrom(string fromCode)
    {
        if (Find(fromCode) is not { } from) return [];
        var allowed = from.AllowedNext.ToHashSet();
        return _all.Where(d => d.Code != fromCode && !HasSubStatuses(d.Code)
                && (allowed.Contains(d.Code) || (d.ParentCode is { } parent && allowed.Contains(parent))))
            .ToList();
    }

    /// <summary>Throws a reason a manager can read when the move is not allowed.</summary>
    public OrderStatusDefinition Check(string fromCode, string toCode)
    {
        var to = Find(toCode) ?? throw new DomainException($"There is no order status '{toCode}'.");
        if (HasSubStatuses(to.Code))
            throw new DomainException($"Choose one of the sub-statuses of '{to.Name}'.");
        if (toCode == fromCode) throw new DomainException($"The order is already '{to.Name}'.");
        if (!NextFrom(fromCode).Contains(to))
            throw new DomainException($"An order that is '{NameOf(fromCode)}' cannot move to '{to.Name}'.");
        return to;
    }
}
