using CommerceDesk.Data;
using CommerceDesk.Domain.Carts;
using CommerceDesk.Domain.Channels;
using CommerceDesk.Domain.Common;
using CommerceDesk.Tests.Support;
using CommerceDesk.Web.Carts.Abandonment;
using CommerceDesk.Web.Email;
using CommerceDesk.Web.Email.Reminders;
using CommerceDesk.Web.Email.Templates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CommerceDesk.Tests.Email;

/// <summary>A context factory over one test database (SQLite file or PostgreSQL database), as each web node has its own.</summary>
public sealed class FileContextFactory(string path) : IDbContextFactory<CommerceDbContext>
{
    public CommerceDbContext CreateDbContext() => TestDatabase.Open(path);
}

/// <summary>A fresh migrated database with the default templates, a fake clock and the e-mail services over them.</summary>
public sealed class EmailTestKit : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    public const string ResumeLinkKey = "test-resume-link-key-0123456789";

    private EmailTestKit(string path)
    {
        Path = path;
        Factory = new FileContextFactory(path);
    }

    public string Path { get; }
    public FileContextFactory Factory { get; }
    public FakeTimeProvider Time { get; } = new(Start);
    public EmailOptions Options { get; } = new() { ResumeLinkKey = ResumeLinkKey, ResumeCartUrl = "https://shop.example.com/cart/resume?cart={cart}&token={token}" };
    public DateTime Now => Time.GetUtcNow().UtcDateTime;

    public static async Task<EmailTestKit> CreateAsync(DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        var kit = new EmailTestKit(await TestDatabase.CreateAsync(provider));
        await new EmailTemplateSeeder(kit.Factory, kit.Time).SeedAsync(CancellationToken.None);
        return kit;
    }

    public CartResumeLinks Links => new(Microsoft.Extensions.Options.Options.Create(Options));

    /// <summary>A sweep as one node runs it: its own factory (connections) over the shared file.</summary>
    public AbandonedCartSweep Sweep() =>
        new(new FileContextFactory(Path), new CartReminderComposer(Links), Time, NullLogger<AbandonedCartSweep>.Instance);

    public SendCartReminder ManualReminder() => new(Factory, new CartReminderComposer(Links), Time);

    public CommerceDbContext Db() => Factory.CreateDbContext();

    public async Task<Channel> AddChannelAsync(bool reminders = true, string code = "web")
    {
        await using var db = Db();
        var channel = new Channel(code, "Web shop", "EUR");
        if (reminders) channel.EnableReminders(Now);
        db.Channels.Add(channel);
        await db.SaveChangesAsync();
        return channel;
    }

    public async Task<Channel> EnableRemindersAsync(long channelId)
    {
        await using var db = Db();
        var channel = await db.Channels.SingleAsync(c => c.Id == channelId);
        channel.EnableReminders(Now);
        await db.SaveChangesAsync();
        return channel;
    }

    public async Task<Cart> AddCartAsync(long channelId, Action<CartBuilder>? build = null)
    {
        var builder = new CartBuilder(channelId, Now);
        build?.Invoke(builder);
        await using var db = Db();
        var cart = builder.Build(Now);
        db.Carts.Add(cart);
        await db.SaveChangesAsync();
        return cart;
    }

    public async ValueTask DisposeAsync()
    {
        await Task.Yield();
        TestDatabase.Delete(Path);
    }
}

/// <summary>Test carts: by default a priced line, a real e-mail, idle since the builder's clock.</summary>
public sealed class CartBuilder(long channelId, DateTime lastActivity)
{
    private static int _next;
    private readonly List<LineInput> _items = [new LineInput("SKU-1", "Espresso cup", 2, 12.50m)];
    private string? _email = $"customer{Interlocked.Increment(ref _next)}@example.com";
    private string? _customerExternalId;
    private DateTime _lastActivity = lastActivity;
    private readonly string _externalId = $"cart-{Guid.NewGuid():N}";

    public CartBuilder WithEmail(string? email) { _email = email; return this; }
    public CartBuilder WithCustomer(string externalId) { _customerExternalId = externalId; return this; }
    public CartBuilder WithItems(params LineInput[] items) { _items.Clear(); _items.AddRange(items); return this; }
    public CartBuilder IdleSince(DateTime at) { _lastActivity = at; return this; }

    public Cart Build(DateTime now) =>
        new(channelId, _externalId, new CartSnapshot(_customerExternalId, _email, "EUR", _items, CheckoutStep.None), _lastActivity, now);
}
