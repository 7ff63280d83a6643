namespace CommerceDesk.Web.Identity;

/// <summary>Where the sign-in may send the browser afterwards.</summary>
public static class ReturnUrls
{
    private static readonly Uri Site = new("http://localhost/");

    /// <summary>
    /// A path of this site, or "/" for anything else: an open redirect would let a phishing link borrow our sign-in
    /// page. The path comes back escaped ("Müller" → "M%C3%BCller"): a Location header takes ASCII only, and Kestrel
    /// answers 500 to anything else.
    /// </summary>
    public static string LocalOrHome(string? returnUrl) =>
        returnUrl is { Length: > 0 } url && url.StartsWith('/') && !url.StartsWith("//") && !url.StartsWith("/\\")
            && Uri.TryCreate(Site, url, out var absolute) && absolute.Authority == Site.Authority
            ? absolute.PathAndQuery
            : "/";
}
