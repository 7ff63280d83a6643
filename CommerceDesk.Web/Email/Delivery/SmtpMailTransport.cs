using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CommerceDesk.Web.Email.Delivery;

/// <summary>Sends over SMTP with MailKit, authenticating when a user is configured.</summary>
internal sealed class SmtpMailTransport(IOptions<EmailOptions> options) : IMailTransport
{
    public async Task<IMailConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        var smtp = options.Value.Smtp;
        var client = new SmtpClient { Timeout = 30_000 };
        try
        {
            await client.ConnectAsync(smtp.Host, smtp.Port, SocketOptions(smtp.Security), cancellationToken);
            if (!string.IsNullOrEmpty(smtp.User))
                await client.AuthenticateAsync(smtp.User, smtp.Password ?? "", cancellationToken);
            return new Connection(client);
        }
        catch (AuthenticationException ex)
        {
            client.Dispose();
            // Wrong credentials are a configuration error; the messages themselves are fine and are retried.
            throw new InvalidOperationException($"SMTP authentication failed: {ex.Message}", ex);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private static SecureSocketOptions SocketOptions(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTls,
    };

    private sealed class Connection(SmtpClient client) : IMailConnection
    {
        public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
        {
            try
            {
                await client.SendAsync(message, cancellationToken);
            }
            catch (SmtpCommandException ex) when ((int)ex.StatusCode >= 500)
            {
                throw new MailRejectedException($"SMTP {(int)ex.StatusCode}: {ex.Message}", ex);
            }
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (client.IsConnected) await client.DisconnectAsync(quit: true);
            }
            catch (Exception ex) when (ex is ServiceNotConnectedException or IOException or SmtpProtocolException)
            {
                // The server went away after our last message; nothing is left to tidy up.
            }
            client.Dispose();
        }
    }
}
