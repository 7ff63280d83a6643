using CommerceDesk.Data;
using CommerceDesk.Domain.Channels;
using CommerceDesk.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Seeding;

/// <summary>Development: channel <c>web</c> with reminders on (1 hour) and the documented storefront key.</summary>
internal sealed class DevelopmentChannelSeeder(
    IDbContextFactory<CommerceDbContext> factory, DemoShopOptions options, TimeProvider time) : IStartupSeeder
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var channel = await db.Channels.Include(c => c.ApiKeys)
            .SingleOrDefaultAsync(c => c.Code == DemoShopOptions.ChannelCode, cancellationToken);
        if (channel is null)
        {
            channel = new Channel(DemoShopOptions.ChannelCode, "Web shop", "EUR", "Europe/Berlin");
            channel.EnableReminders(now);
            db.Channels.Add(channel);
        }

        var hash = ChannelApiKey.HashOf(options.StorefrontApiKey);
        if (channel.ApiKeys.All(k => k.Hash != hash))
            channel.AddApiKey(options.StorefrontApiKey, "Development key", now);
        await db.SaveChangesAsync(cancellationToken);
    }
}
