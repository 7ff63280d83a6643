using System.Globalization;
using CommerceDesk.Data.Conventions;

namespace CommerceDesk.Bench.Dataset;

/// <summary>Values written exactly as EF Core's SQLite provider writes them, so the app reads generated rows like its own.</summary>
internal static class SqliteText
{
    public static string Time(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

    public static long Money(decimal amount) => (long)(amount * MoneyAmountConverter.Scale);
}
