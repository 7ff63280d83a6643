namespace CommerceDesk.Web.Email;

public enum MailDelivery { Pickup, Smtp }

public enum SmtpSecurity { None, StartTls, SslOnConnect }

/// <summary>The <c>Email</c> configuration section (documented in README.md, "E-mail").</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    /// <summary>Pickup writes .eml files (Development default, no mail server needed); Smtp sends through <see cref="Smtp"/>.</summary>
    public MailDelivery Delivery { get; set; } = MailDelivery.Pickup;

    /// <summary>Where Pickup writes; relative paths are under the web project's content root.</summary>
    public string PickupFolder { get; set; } = "App_Data/mail-pickup";

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>The "Resume your order" link: <c>{token}</c>, <c>{cart}</c> (the storefront's cart id) and <c>{channel}</c> are filled in.</summary>
    public string ResumeCartUrl { get; set; } = "http://localhost:5000/cart/resume?channel={channel}&cart={cart}&token={token}";

    /// <summary>Secret the resume-link token is an HMAC with; the storefront checks tokens with the same key.</summary>
    public string ResumeLinkKey { get; set; } = "";

    /// <summary>How many messages one run of the outbox job sends at most.</summary>
    public int SendBatchSize { get; set; } = 100;

    /// <summary>Where the new-order notice goes; none is sent while it is empty.</summary>
    public string? StaffAddress { get; set; }

    /// <summary>
    /// The "Follow your order" link of the order e-mails: <c>{token}</c> (the order's tracking token, for this back office's
    /// public page <c>/track/{token}</c>), <c>{channel}</c> (channel code) and <c>{order}</c> (the storefront's order id) are filled in.
    /// </summary>
    public string OrderTrackingUrl { get; set; } = "http://localhost:5000/track/{token}";

    /// <summary>This back office's address as staff reach it, for the links in staff e-mails.</summary>
    public string BackOfficeUrl { get; set; } = "http://localhost:5000";
}

public sealed class SmtpOptions
{
    public string Host { get; set; } = "localhost";
    public int Port { get; set; } = 25;
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;
    public string? User { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "CommerceDesk <no-reply@commercedesk.local>";
}
