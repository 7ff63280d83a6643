using CommerceDesk.Data;
using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Email;
using CommerceDesk.Domain.Orders;
using CommerceDesk.Tests.Email;
using CommerceDesk.Tests.Support;
using CommerceDesk.Web.Orders.Statuses;
using Microsoft.EntityFrameworkCore;
using static CommerceDesk.Domain.Orders.OrderStatuses;

namespace CommerceDesk.Tests.Orders;

/// <summary>The admin's edits of the lifecycle: checked, saved without overwriting another admin, and no status in use deleted.</summary>
public abstract class OrderStatusSettingsTests(DatabaseProvider provider) : IAsyncLifetime
{
    public sealed class OnSqlite() : OrderStatusSettingsTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : OrderStatusSettingsTests(DatabaseProvider.Postgres);

    private EmailTestKit _kit = null!;
    private OrderStatusSettings _settings = null!;

    public async Task InitializeAsync()
    {
        _kit = await EmailTestKit.CreateAsync(provider);
        await new OrderStatusSeeder(_kit.Factory).SeedAsync(CancellationToken.None);
        _settings = new OrderStatusSettings(_kit.Factory);
    }

    public async Task DisposeAsync() => await _kit.DisposeAsync();

    private async Task<OrderStatusDefinition> FindAsync(string code) => (await _settings.LoadAsync()).Single(d => d.Code == code);

    [Fact]
    public async Task AnAdminRenamesAStatusAndChangesItsMovesAndActions()
    {
        var cancelled = await FindAsync(Cancelled);

        var error = await _settings.SaveAsync(cancelled.Id, cancelled.Version,
            new OrderStatusEdit("Cancelled by shop", "#b71c1c", false, [Incoming], EmailTemplateKeys.OrderStatusChanged, true));

        error.ShouldBeNull();
        var saved = await FindAsync(Cancelled);
        (saved.Name, saved.Colour, saved.CustomerVisible, saved.EmailStaff).ShouldBe(("Cancelled by shop", "#B71C1C", false, true));
        saved.AllowedNext.ShouldBe([Incoming]);
    }

    [Fact]
    public async Task ASecondAdminEditingTheSameStatusIsToldToReload()
    {
        var seen = await FindAsync(Delivered);
        (await _settings.SaveAsync(seen.Id, seen.Version, new OrderStatusEdit("Delivered to door", seen.Colour, true, seen.AllowedNext.ToList(), null, false)))
            .ShouldBeNull();

        var error = await _settings.SaveAsync(seen.Id, seen.Version, new OrderStatusEdit("Handed over", seen.Colour, true, [], null, false));

        error.ShouldBe("This status was changed by someone else meanwhile; reload.");
        (await FindAsync(Delivered)).Name.ShouldBe("Delivered to door");
    }

    [Theory]
    [InlineData("blue", null, null, "'blue' is not a colour; use #RRGGBB, e.g. #1E88E5.")]
    [InlineData("#000000", "no-such-template", null, "There is no e-mail template 'no-such-template'.")]
    [InlineData("#000000", null, "Lost", "There is no status 'Lost' to lead to.")]
    public async Task BadInputIsExplainedAndChangesNothing(string colour, string? template, string? next, string expected)
    {
        var incoming = await FindAsync(Incoming);

        var error = await _settings.SaveAsync(incoming.Id, incoming.Version,
            new OrderStatusEdit("Renamed", colour, true, next is null ? [] : [next], template, false));

        error.ShouldBe(expected);
        (await FindAsync(Incoming)).Name.ShouldBe("Incoming");
    }

    [Fact]
    public async Task ABuiltInStatusIsNeverDeleted()
    {
        var error = await _settings.DeleteAsync((await FindAsync(Refunded)).Id);

        error.ShouldBe("'Refunded' is a built-in status of the lifecycle: rename it, or stop other statuses leading to it, instead.");
        (await _settings.LoadAsync()).Count.ShouldBe(DefaultOrderStatuses.Create().Count);
    }

    [Fact]
    public async Task AnAddedSubStatusIsDeletableUntilAnOrderIsInItAndLeavesNoMoveBehind()
    {
        (await _settings.AddAsync("Returned to sender", Completed)).ShouldBeNull();
        var added = await FindAsync("Returned to sender");
        added.ParentCode.ShouldBe(Completed);
        var onTransit = await FindAsync(OnTransit);
        (await _settings.SaveAsync(onTransit.Id, onTransit.Version,
            new OrderStatusEdit(onTransit.Name, onTransit.Colour, true, [.. onTransit.AllowedNext, added.Code], null, false))).ShouldBeNull();

        await using (var db = _kit.Db())
        {
            var channel = await _kit.AddChannelAsync(reminders: false);
            var order = new OrderBuilder().InChannel(channel.Id).Build();
            db.Orders.Add(order);
            await db.SaveChangesAsync();
            var rules = new OrderStatusRules(await db.OrderStatusDefinitions.AsNoTracking().ToListAsync());
            order.ChangeStatus(InProcess, rules, Actor.System, null, _kit.Now);
            order.ChangeStatus(OnTransit, rules, Actor.System, null, _kit.Now);
            db.OrderStatusHistory.AddRange(order.ChangeStatus(added.Code, rules, Actor.System, null, _kit.Now));
            await db.SaveChangesAsync();
        }
        (await _settings.DeleteAsync(added.Id)).ShouldBe("'Returned to sender' cannot be deleted: 1 order(s) are in it.");

        (await _settings.AddAsync("Lost in post", Completed)).ShouldBeNull();
        var unused = await FindAsync("Lost in post");
        var delivered = await FindAsync(Delivered);
        (await _settings.SaveAsync(delivered.Id, delivered.Version,
            new OrderStatusEdit(delivered.Name, delivered.Colour, true, [.. delivered.AllowedNext, unused.Code], null, false))).ShouldBeNull();
        (await _settings.DeleteAsync(unused.Id)).ShouldBeNull();
        (await _settings.LoadAsync()).ShouldNotContain(d => d.Code == "Lost in post");
        (await FindAsync(Delivered)).AllowedNext.ShouldNotContain("Lost in post");
        (await _settings.AddAsync("incoming", null)).ShouldBe("There is a status 'incoming' already.");
    }
}
