using System.Security.Cryptography;

namespace CommerceDesk.Web.Users;

/// <summary>
/// A random password an admin hands to a new user or after a reset. It meets the sign-in's rules (upper- and
/// lower-case letter, digit, symbol) and leaves out look-alike characters (0/O, 1/l/I) so it can be read out.
/// </summary>
public static class OneTimePassword
{
    public const int Length = 16;
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Lower = "abcdefghijkmnopqrstuvwxyz";
    private const string Digits = "23456789";
    private const string Symbols = "!#$%*+-=?@";

    public static string New()
    {
        const string all = Upper + Lower + Digits + Symbols;
        var chars = new char[Length];
        chars[0] = Pick(Upper);
        chars[1] = Pick(Lower);
        chars[2] = Pick(Digits);
        chars[3] = Pick(Symbols);
        for (var i = 4; i < Length; i++) chars[i] = Pick(all);
        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }

    private static char Pick(string from) => from[RandomNumberGenerator.GetInt32(from.Length)];
}
