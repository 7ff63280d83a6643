using MimeKit;

namespace CommerceDesk.Web.Email.Delivery;

/// <summary>Where mail goes: an SMTP server or a pickup folder. One connection serves one run of the outbox job.</summary>
public interface IMailTransport
{
    /// <summary>Opens the connection; throws when the server cannot be reached.</summary>
    Task<IMailConnection> ConnectAsync(CancellationToken cancellationToken);
}

public interface IMailConnection : IAsyncDisposable
{
    /// <summary>Sends one message; throws <see cref="MailRejectedException"/> when the server refuses it for good.</summary>
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

/// <summary>The server refused the message permanently (SMTP 5xx): retrying would give the same answer.</summary>
public sealed class MailRejectedException(string message, Exception? inner = null) : Exception(message, inner);
