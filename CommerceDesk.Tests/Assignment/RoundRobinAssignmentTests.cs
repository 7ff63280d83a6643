using CommerceDesk.Data;
using CommerceDesk.Data.Identity;
using CommerceDesk.Data.Interceptors;
using CommerceDesk.Domain.Assignment;
using CommerceDesk.Domain.Channels;
using CommerceDesk.Tests.Support;
using CommerceDesk.Web.Assignment;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Tests.Assignment;

/// <summary>New e-commerce orders go round the channel's sales team inside the save that stores them (DESIGN §5).</summary>
public abstract class RoundRobinAssignmentTests(DatabaseProvider provider) : IAsyncLifetime
{
    public sealed class OnSqlite() : RoundRobinAssignmentTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : RoundRobinAssignmentTests(DatabaseProvider.Postgres);

    private string _database = "";
    private long _channelId;
    private long _teamId;
    private readonly DomainEventInterceptor _events = AppEventHandlers.Interceptor(TimeProvider.System);

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        await using var db = TestDatabase.Open(_database);
        foreach (var name in new[] { "Ann", "Ben", "Cleo", "Dora" })
            db.Users.Add(new ApplicationUser { Id = $"u-{name.ToLowerInvariant()}", UserName = $"{name}@shop.test", Email = $"{name}@shop.test", DisplayName = name });
        var team = new SalesTeam("Web sales", ["u-ann", "u-ben", "u-cleo"]);
        db.SalesTeams.Add(team);
        var channel = new Channel("web", "Web shop", "EUR");
        db.Channels.Add(channel);
        await db.SaveChangesAsync();
        channel.AssignNewOrdersToTeam(team.Id);
        await db.SaveChangesAsync();
        (_channelId, _teamId) = (channel.Id, team.Id);
    }

    public Task DisposeAsync()
    {
        TestDatabase.Delete(_database);
        return Task.CompletedTask;
    }

    private CommerceDbContext Open() => TestDatabase.Open(_database, _events);

    private async Task PlaceAsync(int n)
    {
        await using var db = Open();
        db.Orders.Add(new OrderBuilder().InChannel(_channelId).WithExternalId($"o-{n}").WithNumber($"W-{n}").Build());
        await db.SaveChangesAsync();
    }

    private async Task<string?> AssigneeOf(int n)
    {
        await using var db = TestDatabase.Open(_database);
        return await db.Orders.Where(o => o.Number == $"W-{n}").Select(o => o.AssigneeId).SingleAsync();
    }

    [Fact]
    public async Task OrdersOneToSixGoRoundATeamOfThreeInTheTeamsOrder()
    {
        for (var n = 1; n <= 6; n++) await PlaceAsync(n);

        var assignees = new List<string?>();
        for (var n = 1; n <= 6; n++) assignees.Add(await AssigneeOf(n));
        assignees.ShouldBe(["u-ann", "u-ben", "u-cleo", "u-ann", "u-ben", "u-cleo"]);
    }

    [Fact]
    public async Task ADisabledMemberIsPassedOver()
    {
        await using (var db = TestDatabase.Open(_database))
        {
            var ben = await db.Users.SingleAsync(u => u.Id == "u-ben");
            ben.DisabledAt = DateTime.UtcNow;
            await db.SaveChangesAsync();
        }

        for (var n = 1; n <= 4; n++) await PlaceAsync(n);

        (await AssigneeOf(1)).ShouldBe("u-ann");
        (await AssigneeOf(2)).ShouldBe("u-cleo");
        (await AssigneeOf(3)).ShouldBe("u-ann");
        (await AssigneeOf(4)).ShouldBe("u-cleo");
    }

    [Fact]
    public async Task AChannelWithASalespersonGivesHimEveryOrder()
    {
        await using (var db = TestDatabase.Open(_database))
        {
            var channel = await db.Channels.SingleAsync(c => c.Id == _channelId);
            channel.AssignNewOrdersTo("u-dora");
            await db.SaveChangesAsync();
        }

        await PlaceAsync(1);
        await PlaceAsync(2);

        (await AssigneeOf(1)).ShouldBe("u-dora");
        (await AssigneeOf(2)).ShouldBe("u-dora");
    }

    [Fact]
    public async Task TwentyOneConcurrentSavesOnTwoNodesTakeTwentyOneDifferentTurns()
    {
        // Each save is its own context and connection, as on separate web nodes; every one takes a turn at once.
        await Task.WhenAll(Enumerable.Range(1, 21).Select(n => Task.Run(() => PlaceAsync(n))));

        await using var db = TestDatabase.Open(_database);
        var perMember = await db.Orders.GroupBy(o => o.AssigneeId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        perMember.OrderBy(m => m.Key).Select(m => (m.Key, m.Count)).ShouldBe([("u-ann", 7), ("u-ben", 7), ("u-cleo", 7)]);
        (await db.SalesTeams.Where(t => t.Id == _teamId).Select(t => t.NextTurn).SingleAsync()).ShouldBe(21);
    }

    [Fact]
    public async Task TwoConcurrentTurnTakersInOpenTransactionsNeverGetTheSameTurn()
    {
        async Task<List<long>> TakeManyAsync()
        {
            var turns = new List<long>();
            for (var i = 0; i < 15; i++)
            {
                await using var db = TestDatabase.Open(_database);
                await using var transaction = await db.Database.BeginTransactionAsync();
                turns.Add((await SalesTeamTurns.TakeAsync(db, _teamId, CancellationToken.None))!.Value);
                await transaction.CommitAsync();
            }
            return turns;
        }

        var both = await Task.WhenAll(Task.Run(TakeManyAsync), Task.Run(TakeManyAsync));

        both.SelectMany(t => t).Order().ShouldBe(Enumerable.Range(0, 30).Select(i => (long)i));
    }
}
