using CommerceDesk.Domain.Assignment;
using CommerceDesk.Domain.Common;

namespace CommerceDesk.Domain.Channels;

public sealed partial class Channel
{
    public const int WebhookUrlMaxLength = 2000;
    public const int WebhookSecretMinLength = 16;
    public const int WebhookSecretMaxLength = 200;

    /// <summary>New e-commerce orders go round this team's members; set this or <see cref="SalespersonId"/>, not both.</summary>
    public long? SalesTeamId { get; private set; }

    /// <summary>New e-commerce orders all go to this user.</summary>
    public string? SalespersonId { get; private set; }

    /// <summary>Where customer-visible status changes, shipments and refunds are POSTed; null sends none.</summary>
    public string? StatusWebhookUrl { get; private set; }

    /// <summary>
    /// The HMAC signing secret, as the admin entered it: the sender needs it back to sign, on whichever node runs the job
    /// (pages never show it again). Kept as is rather than under ASP.NET Data Protection, whose key ring is per node
    /// here; whoever reads the database could read the orders the webhook reports anyway.
    /// </summary>
    public string? StatusWebhookSecret { get; private set; }

    /// <summary>New orders go round a team's members.</summary>
    public void AssignNewOrdersToTeam(long teamId)
    {
        SalesTeamId = teamId;
        SalespersonId = null;
    }

    /// <summary>New orders all go to one user.</summary>
    public void AssignNewOrdersTo(string userId)
    {
        SalespersonId = Guard.Required(userId, "Salesperson", AssigneeRules.UserIdMaxLength);
        SalesTeamId = null;
    }

    public void StopAssigningNewOrders()
    {
        SalesTeamId = null;
        SalespersonId = null;
    }

    /// <summary>Why <paramref name="url"/> cannot receive the status webhook, or null when it can.</summary>
    public static string? WebhookUrlProblem(string url) =>
        url.Length > WebhookUrlMaxLength ? $"The URL can have at most {WebhookUrlMaxLength} characters."
        : !Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            ? $"'{url}' is not a web address; use https://…, e.g. https://shop.example.com/hooks/order-status."
        : null;

    /// <summary>Why a secret the admin typed cannot sign webhooks, or null when it can.</summary>
    public static string? WebhookSecretProblem(string secret) =>
        secret.Length < WebhookSecretMinLength ? $"The secret needs at least {WebhookSecretMinLength} characters."
        : secret.Length > WebhookSecretMaxLength ? $"The secret can have at most {WebhookSecretMaxLength} characters."
        : null;

    /// <summary>
    /// Sets the webhook's URL; a new secret replaces the stored one, null or blank keeps it. A URL without any secret
    /// is refused: every delivery is signed.
    /// </summary>
    public void SetStatusWebhook(string url, string? newSecret)
    {
        url = url.Trim();
        if (WebhookUrlProblem(url) is { } problem) throw new DomainException(problem);
        if (!string.IsNullOrEmpty(newSecret) && WebhookSecretProblem(newSecret) is { } secretProblem) throw new DomainException(secretProblem);
        var secret = (string.IsNullOrEmpty(newSecret) ? null : newSecret) ?? StatusWebhookSecret
            ?? throw new DomainException("Enter a secret: the receiver checks each delivery's signature with it.");
        StatusWebhookUrl = url;
        StatusWebhookSecret = secret;
    }

    public void RemoveStatusWebhook()
    {
        StatusWebhookUrl = null;
        StatusWebhookSecret = null;
    }
}
