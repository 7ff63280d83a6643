using CommerceDesk.Domain.Customers;
using CommerceDesk.Tests.Support;
using CommerceDesk.Web.Storefront.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceDesk.Tests.Api.Storefront;

public sealed class StorefrontWriterTests(CommerceDeskFactory factory) : IClassFixture<CommerceDeskFactory>
{
    private static readonly DateTime Now = new(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task UniqueViolationRollsBackAndRetriesFromAFreshRead()
    {
        var writer = factory.Services.GetRequiredService<StorefrontWriter>();
        long channelId;
        await using (var db = factory.CreateDbContext())
            channelId = (await db.Channels.SingleAsync(c => c.Code == "web")).Id;
        var attempts = 0;

        var found = await writer.WriteAsync(async (db, ct) =>
        {
            attempts++;
            var existing = await db.Customers.AnyAsync(c => c.ChannelId == channelId && c.ExternalId == "raced", ct);
            if (attempts == 1)
            {
                // Plays the losing side of a race: the row appears between our read and our insert.
                db.Customers.Add(NewCustomer(channelId));
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                db.Customers.Add(NewCustomer(channelId));
                await db.SaveChangesAsync(ct);
            }
            return existing;
        }, CancellationToken.None);

        attempts.ShouldBe(2);
        found.ShouldBeFalse(); // the first attempt was rolled back entirely
        await using var check = factory.CreateDbContext();
        (await check.Customers.CountAsync(c => c.ExternalId == "raced")).ShouldBe(0);
    }

    private static Customer NewCustomer(long channelId) =>
        new(channelId, "raced", new CustomerDetails(null, "Race", null, null, null, true, null), Now, Now);
}
