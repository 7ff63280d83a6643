using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CommerceDesk.Data.Conventions;

/// <summary>
/// Stores amounts as whole ten-thousandths (the scale of SQL Server's <c>money</c> type) in an integer
/// column: SQLite has no decimal type, and integers sort, sum and index the same on every provider.
/// </summary>
public sealed class MoneyAmountConverter() : ValueConverter<decimal, long>(
    amount => (long)decimal.Round(amount * Scale, MidpointRounding.AwayFromZero),
    stored => stored / Scale)
{
    public const decimal Scale = 10_000m;
}
