using CommerceDesk.Domain.Carts;

namespace CommerceDesk.Domain.Crm;

/// <summary>What of a cart the CRM syncs: its lines (product, quantity, price) and checkout step.</summary>
public sealed record CartContent(IReadOnlyList<(string Sku, int Quantity, decimal UnitPrice)> Lines, CheckoutStep Step)
{
    public static CartContent Of(Cart cart) =>
        new(cart.Items.Select(i => (i.Sku, i.Quantity, i.UnitPrice)).ToList(), cart.CheckoutStep);

    /// <summary>The change a push made, if it is one the CRM cares about; null for none (or only other fields).</summary>
    public static CrmChange? Between(CartContent? before, CartContent after)
    {
        if (before is null) return after.Lines.Count > 0 ? CrmChange.CartItems : after.Step != CheckoutStep.None ? CrmChange.CartCheckoutStep : null;
        var skusBefore = before.Lines.Select(l => (l.Sku, l.UnitPrice)).ToList();
        var skusAfter = after.Lines.Select(l => (l.Sku, l.UnitPrice)).ToList();
        if (!skusBefore.SequenceEqual(skusAfter)) return CrmChange.CartItems;
        if (!before.Lines.Select(l => l.Quantity).SequenceEqual(after.Lines.Select(l => l.Quantity))) return CrmChange.CartQuantities;
        if (before.Step != after.Step) return CrmChange.CartCheckoutStep;
        return null;
    }
}
