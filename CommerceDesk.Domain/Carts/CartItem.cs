using CommerceDesk.Domain.Common;

namespace CommerceDesk.Domain.Carts;

public sealed class CartItem : LineItem
{
    private CartItem() { }

    internal CartItem(LineInput input, int position) : base(input, position) { }
}
