using CommerceDesk.Domain.Common;

namespace CommerceDesk.Domain.Orders;

public sealed class OrderLine : LineItem
{
    private OrderLine() { }

    internal OrderLine(LineInput input, int position) : base(input, position) { }
}
