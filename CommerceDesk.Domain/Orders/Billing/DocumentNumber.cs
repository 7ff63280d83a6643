using System.Globalization;

namespace CommerceDesk.Domain.Orders.Billing;

/// <summary>
/// The number of an invoice or credit memo: one sequence per kind and calendar year across all channels
/// (INV-2026-000123, CM-2026-000004). One shop is one seller, and tax rules want one gap-free series per seller, so the
/// series is not split by channel. The database keeps (kind, year, sequence) unique; the next number is the highest
/// stored plus one, and two nodes taking the same one makes one save fail and retry with the next.
/// </summary>
public sealed record DocumentNumber(string Prefix, int Year, int Sequence)
{
    public const int MaxLength = 20;
    public const string InvoicePrefix = "INV";
    public const string CreditMemoPrefix = "CM";

    public string Text => string.Create(CultureInfo.InvariantCulture, $"{Prefix}-{Year:D4}-{Sequence:D6}");

    public static DocumentNumber Invoice(int year, int sequence) => new(InvoicePrefix, year, sequence);

    public static DocumentNumber CreditMemo(int year, int sequence) => new(CreditMemoPrefix, year, sequence);

    public override string ToString() => Text;
}
