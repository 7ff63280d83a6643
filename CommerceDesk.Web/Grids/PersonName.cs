namespace CommerceDesk.Web.Grids;

public static class PersonName
{
    /// <summary>"First Last", or the e-mail when the storefront sent no name, or "Guest".</summary>
    public static string Of(string? firstName, string? lastName, string? email) =>
        string.Join(' ', new[] { firstName, lastName }.Where(n => !string.IsNullOrWhiteSpace(n))) is { Length: > 0 } name
            ? name
            : email ?? "Guest";
}
