using CommerceDesk.Data;
using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Email;
using CommerceDesk.Web.Carts;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Tests.Email;

/// <summary>The cart page offers "Send reminder" for exactly the carts the grid's mass action would e-mail.</summary>
public abstract class ManualReminderOfferTests(DatabaseProvider provider) : IAsyncLifetime
{
    public sealed class OnSqlite() : ManualReminderOfferTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : ManualReminderOfferTests(DatabaseProvider.Postgres);

    private EmailTestKit _kit = null!;

    public async Task InitializeAsync() => _kit = await EmailTestKit.CreateAsync(provider);

    public async Task DisposeAsync() => await _kit.DisposeAsync();

    [Fact]
    public async Task TheCartPageOffersTheReminderExactlyWhereTheMassActionSendsIt()
    {
        var channel = await _kit.AddChannelAsync();
        var open = await _kit.AddCartAsync(channel.Id);
        var lost = await _kit.AddCartAsync(channel.Id);
        var noAddress = await _kit.AddCartAsync(channel.Id, c => c.WithEmail(null));
        var nothingPriced = await _kit.AddCartAsync(channel.Id, c => c.WithItems(new LineInput("GIFT", "Free sample", 1, 0m)));
        var reminded = await _kit.AddCartAsync(channel.Id);
        await using (var db = _kit.Db())
        {
            (await db.Carts.SingleAsync(c => c.Id == lost.Id)).MarkLost();
            (await db.Carts.SingleAsync(c => c.Id == reminded.Id)).RecordReminderSent(_kit.Now);
            await db.SaveChangesAsync();
        }
        long[] all = [open.Id, lost.Id, noAddress.Id, nothingPriced.Id, reminded.Id];

        var offered = new List<long>();
        await using (var db = _kit.Db())
            foreach (var id in all)
                if ((await CartDetails.LoadAsync(db, id))!.Reminder.IsEligible) offered.Add(id);
        await _kit.ManualReminder().SendManyAsync(all, CancellationToken.None);

        // An open cart counts too: when to remind by hand is the manager's call, not the abandonment timer's.
        offered.ShouldBe([open.Id, lost.Id], ignoreOrder: true);
        await using var check = _kit.Db();
        (await check.Set<OutboxMessage>().Select(m => m.DedupeKey).ToListAsync())
            .ShouldBe(offered.Select(id => $"cart-reminder:{id}"), ignoreOrder: true);
    }
}
