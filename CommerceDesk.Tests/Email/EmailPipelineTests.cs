using CommerceDesk.Data;
using CommerceDesk.Domain.Carts;
using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Email;
using CommerceDesk.Tests.Support;
using CommerceDesk.Web.Carts.Abandonment;
using CommerceDesk.Web.Email.Outbox;
using CommerceDesk.Web.Email.Reminders;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace CommerceDesk.Tests.Email;

/// <summary>The app as `dotnet run` starts it in Development: templates seeded, mail to a pickup folder.</summary>
public class PickupFolderFactory : CommerceDeskFactory
{
    public string PickupFolder { get; } = Path.Combine(Path.GetTempPath(), "commercedesk-tests", "pickup-" + Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Email:PickupFolder", PickupFolder);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (Directory.Exists(PickupFolder)) Directory.Delete(PickupFolder, recursive: true);
    }
}

/// <summary>The same on PostgreSQL.</summary>
public sealed class PostgresPickupFolderFactory : PickupFolderFactory
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;
}

public abstract class EmailPipelineTests(PickupFolderFactory factory)
{
    public sealed class OnSqlite(PickupFolderFactory factory) : EmailPipelineTests(factory), IClassFixture<PickupFolderFactory>;

    public sealed class OnPostgres(PostgresPickupFolderFactory factory) : EmailPipelineTests(factory), IClassFixture<PostgresPickupFolderFactory>;

    [Fact]
    public async Task InDevelopmentAnAbandonedCartsReminderLandsInThePickupFolder()
    {
        var services = factory.Services;
        // This test runs the jobs itself; the app's minutely schedule must not race it.
        var recurring = services.GetRequiredService<Hangfire.IRecurringJobManager>();
        recurring.RemoveIfExists("abandoned-cart-sweep");
        recurring.RemoveIfExists("email-outbox");
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        long cartId;
        await using (var db = factory.CreateDbContext())
        {
            (await db.Set<EmailTemplate>().CountAsync()).ShouldBe(CommerceDesk.Web.Email.Templates.DefaultEmailTemplates.All.Count);
            var channel = await db.Channels.SingleAsync(c => c.Code == "web");
            channel.RemindersEnabled.ShouldBeTrue();
            // Idle for two hours, and abandoned now: after the channel's reminders were switched on at start-up.
            var cart = new Cart(channel.Id, "dev-cart-1", new CartSnapshot(null, "dev.customer@example.com", "EUR",
                [new LineInput("CUP-1", "Cup", 1, 9.5m)], CheckoutStep.Payment), now.AddHours(-2), now);
            db.Carts.Add(cart);
            await db.SaveChangesAsync();
            cartId = cart.Id;
        }

        await using (var scope = services.CreateAsyncScope())
        {
            (await scope.ServiceProvider.GetRequiredService<AbandonedCartSweep>().RunAsync(CancellationToken.None)).RemindersQueued.ShouldBe(1);
            (await scope.ServiceProvider.GetRequiredService<OutboxSender>().RunAsync(CancellationToken.None)).ShouldBe(1);
        }

        var file = Directory.GetFiles(factory.PickupFolder, "*.eml").ShouldHaveSingleItem();
        var message = await MimeMessage.LoadAsync(file);
        message.To.Mailboxes.Single().Address.ShouldBe("dev.customer@example.com");
        message.HtmlBody!.ShouldContain("Resume your order");
        await using var check = factory.CreateDbContext();
        (await check.Set<OutboxMessage>().SingleAsync(m => m.DedupeKey == $"cart-reminder:{cartId}")).Status.ShouldBe(OutboxStatus.Sent);
    }
}
