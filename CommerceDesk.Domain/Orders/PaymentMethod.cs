using CommerceDesk.Domain.Common;

namespace CommerceDesk.Domain.Orders;

public sealed record PaymentMethod
{
    public const int CodeMaxLength = 50;

    public PaymentMethod(string code, PaymentKind kind)
    {
        Code = Guard.Required(code, "Payment method code", CodeMaxLength);
        Kind = kind;
    }

    public string Code { get; }
    public PaymentKind Kind { get; }
}
