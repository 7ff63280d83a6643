using CommerceDesk.Data;
using CommerceDesk.Domain.Carts;
using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Email;
using CommerceDesk.Tests.Email;
using CommerceDesk.Web.Email.Reminders;
using CommerceDesk.Web.Carts.Abandonment;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Tests.Jobs;

/// <summary>
/// DESIGN §6: a cart is examined once it is idle past the channel's delay, whenever it arrived: a cart pushed late
/// (an outage, a webhook backlog) with an activity hours old is abandoned and reminded like any other, exactly once.
/// </summary>
public abstract class AbandonedCartSweepLateCartTests(DatabaseProvider provider) : IAsyncLifetime
{
    public sealed class OnSqlite() : AbandonedCartSweepLateCartTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : AbandonedCartSweepLateCartTests(DatabaseProvider.Postgres);

    private EmailTestKit _kit = null!;

    public async Task InitializeAsync() => _kit = await EmailTestKit.CreateAsync(provider);

    public async Task DisposeAsync() => await _kit.DisposeAsync();

    [Fact]
    public async Task ACartArrivingWithActivityThreeHoursOldAfterSeveralSweepsIsAbandonedAndRemindedOnce()
    {
        var channel = await _kit.AddChannelAsync();
        var punctual = await _kit.AddCartAsync(channel.Id);
        // The app has been running a while: sweeps every ten minutes for five hours.
        for (var run = 0; run < 30; run++) await SweepAfterAsync(TimeSpan.FromMinutes(10));

        var late = await _kit.AddCartAsync(channel.Id, c => c.IdleSince(_kit.Now.AddHours(-3)));
        var found = await _kit.Sweep().RunAsync(CancellationToken.None);
        var later = new List<AbandonedCartSweep.Result>();
        for (var run = 0; run < 5; run++) later.Add(await SweepAfterAsync(TimeSpan.FromMinutes(10)));

        found.ShouldBe(new AbandonedCartSweep.Result(MarkedAbandoned: 1, RemindersQueued: 1, Ineligible: 0));
        later.ShouldAllBe(r => r == new AbandonedCartSweep.Result(0, 0, 0));
        await using var db = _kit.Db();
        var cart = await db.Carts.SingleAsync(c => c.Id == late.Id);
        cart.Status.ShouldBe(CartStatus.Abandoned);
        cart.ReminderSentAt.ShouldNotBeNull();
        (await db.Set<OutboxMessage>().Select(m => m.DedupeKey).ToListAsync())
            .ShouldBe([CartReminderComposer.DedupeKeyFor(punctual.Id), CartReminderComposer.DedupeKeyFor(late.Id)], ignoreOrder: true);
    }

    [Fact]
    public async Task AnIdleCartThatCannotBeAbandonedIsCheckedOnceAndLeftAlone()
    {
        var channel = await _kit.AddChannelAsync();
        var empty = await _kit.AddCartAsync(channel.Id, c => c.WithItems());
        var anonymous = await _kit.AddCartAsync(channel.Id, c => c.WithEmail(null));
        _kit.Time.Advance(TimeSpan.FromHours(2));

        await _kit.Sweep().RunAsync(CancellationToken.None);
        var checkedAfterFirst = await CheckedAsync();
        for (var run = 0; run < 3; run++) await SweepAfterAsync(TimeSpan.FromMinutes(10));

        // Examined once: written by the first run only (its version moved once), and never abandoned.
        checkedAfterFirst[empty.Id].Checked.ShouldBe(_kit.Now.AddMinutes(-30));
        checkedAfterFirst[anonymous.Id].Checked.ShouldBe(_kit.Now.AddMinutes(-30));
        var now = await CheckedAsync();
        now.ShouldBe(checkedAfterFirst);
        now.Values.ShouldAllBe(c => c.Status == CartStatus.Open && c.Version == 2);
    }

    [Fact]
    public async Task APushToACheckedCartHasItsNewActivityExaminedAgain()
    {
        var channel = await _kit.AddChannelAsync();
        var cart = await _kit.AddCartAsync(channel.Id, c => c.WithItems());
        _kit.Time.Advance(TimeSpan.FromHours(2));
        await _kit.Sweep().RunAsync(CancellationToken.None);

        // The storefront's delayed push: the customer had added an item ten minutes after creating the cart.
        await using (var db = _kit.Db())
        {
            var stored = await db.Carts.SingleAsync(c => c.Id == cart.Id);
            stored.Update(new CartSnapshot(null, stored.Email, "EUR", [new LineInput("SKU-1", "Espresso cup", 1, 12.5m)], CheckoutStep.None),
                EmailTestKit.Start.UtcDateTime.AddMinutes(10)).ShouldBeTrue();
            stored.AbandonmentCheckedAt.ShouldBeNull();
            await db.SaveChangesAsync();
        }
        var result = await SweepAfterAsync(TimeSpan.FromMinutes(1));
        var again = await SweepAfterAsync(TimeSpan.FromMinutes(10));

        result.ShouldBe(new AbandonedCartSweep.Result(1, 1, 0));
        again.ShouldBe(new AbandonedCartSweep.Result(0, 0, 0));
    }

    private async Task<AbandonedCartSweep.Result> SweepAfterAsync(TimeSpan wait)
    {
        _kit.Time.Advance(wait);
        return await _kit.Sweep().RunAsync(CancellationToken.None);
    }

    private async Task<Dictionary<long, (DateTime? Checked, CartStatus Status, int Version)>> CheckedAsync()
    {
        await using var db = _kit.Db();
        return (await db.Carts.Select(c => new { c.Id, c.AbandonmentCheckedAt, c.Status, c.Version }).ToListAsync())
            .ToDictionary(c => c.Id, c => (c.AbandonmentCheckedAt, c.Status, c.Version));
    }
}
