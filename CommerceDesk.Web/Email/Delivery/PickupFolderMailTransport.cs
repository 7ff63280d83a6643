using Microsoft.Extensions.Options;
using MimeKit;

namespace CommerceDesk.Web.Email.Delivery;

/// <summary>
/// Development delivery: each message becomes an .eml file in a folder, so the app runs without a mail
/// server. The file is named after the Message-Id, so a message delivered again overwrites its own file.
/// </summary>
internal sealed class PickupFolderMailTransport(IOptions<EmailOptions> options, IHostEnvironment environment) : IMailTransport
{
    public string Folder => Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.PickupFolder));

    public Task<IMailConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        return Task.FromResult<IMailConnection>(new Connection(Folder));
    }

    private sealed class Connection(string folder) : IMailConnection
    {
        public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
        {
            var name = string.Concat((message.MessageId ?? Guid.NewGuid().ToString("N")).Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '_'));
            var path = Path.Combine(folder, name + ".eml");
            // Write then rename, so a reader of the folder never sees half a message.
            var temp = path + ".tmp";
            await message.WriteToAsync(temp, cancellationToken);
            File.Move(temp, path, overwrite: true);
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
