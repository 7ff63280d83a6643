using CommerceDesk.Data;
using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Email;
using CommerceDesk.Domain.Orders;
using CommerceDesk.Domain.Returns;
using CommerceDesk.Tests.Support;
using CommerceDesk.Web.Orders.Billing;
using CommerceDesk.Web.Returns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceDesk.Tests.Orders;

/// <summary>
/// The public return form and the managers' decisions on a real database: the form tells nobody which orders exist,
/// its limits hold, and each decision e-mails the customer exactly once.
/// </summary>
public abstract class ReturnFormTests(CommerceDeskFactory factory)
{
    public sealed class OnSqlite(CommerceDeskFactory factory) : ReturnFormTests(factory), IClassFixture<CommerceDeskFactory>;

    public sealed class OnPostgres(PostgresCommerceDeskFactory factory) : ReturnFormTests(factory), IClassFixture<PostgresCommerceDeskFactory>;

    private static readonly Actor Anna = new("u-anna", "Anna Manager");
    private const string Email = "ada@example.com";

    private ReturnForm Form => factory.Services.GetRequiredService<ReturnForm>();
    private ReturnDecisions Decisions => factory.Services.GetRequiredService<ReturnDecisions>();

    /// <summary>Each test its own client address, so the per-address limit of one test never touches another.</summary>
    private static string NewAddress() => $"10.{Random.Shared.Next(256)}.{Random.Shared.Next(256)}.{Random.Shared.Next(1, 255)}";

    /// <summary>A paid order of 3 mugs and 1 teapot, delivered; returns its (unique) number and id.</summary>
    private async Task<(string Number, long Id)> DeliveredOrderAsync()
    {
        var number = "R-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        await using var db = factory.CreateDbContext();
        var channel = await db.Channels.SingleAsync(c => c.Code == "web");
        var order = new OrderBuilder().InChannel(channel.Id).WithExternalId(number.ToLowerInvariant()).WithNumber(number)
            .WithPaymentStatus(PaymentStatus.Paid).WithLine("MUG", 3, 12m).WithLine("POT", 1, 30m).Build();
        db.Orders.Add(order);
        await db.SaveChangesAsync();
        var rules = new OrderStatusRules(await db.OrderStatusDefinitions.AsNoTracking().ToListAsync());
        db.OrderStatusHistory.Add(order.ChangeStatus(OrderStatuses.InProcess, rules, Anna, null, DateTime.UtcNow));
        db.OrderStatusHistory.Add(order.ChangeStatus(OrderStatuses.Delivered, rules, Anna, null, DateTime.UtcNow));
        await db.SaveChangesAsync();
        return (number, order.Id);
    }

    private async Task<int> RequestsForAsync(long orderId)
    {
        await using var db = factory.CreateDbContext();
        return await db.ReturnRequests.CountAsync(r => r.OrderId == orderId);
    }

    [Fact]
    public async Task TheRequestsListComesInPagesNewestFirstWithTheTotalAndWaitingOnesApart()
    {
        for (var i = 0; i < 3; i++)
        {
            var (number, _) = await DeliveredOrderAsync();
            (await Form.SubmitAsync(number, Email, [new ReturnPick(1, 1)], $"Paged {i}", NewAddress())).Result.ShouldBe(ReturnFormResult.Received);
        }
        await using var db = factory.CreateDbContext();
        var all = await db.ReturnRequests.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).Select(r => r.Id).ToListAsync();
        var waiting = await db.ReturnRequests.CountAsync(r => r.Status == ReturnRequestStatus.Pending);

        var first = await ReturnRequestList.PageAsync(db, waitingOnly: false, page: 0, pageSize: 2);
        var second = await ReturnRequestList.PageAsync(db, waitingOnly: false, page: 1, pageSize: 2);
        var waitingPage = await ReturnRequestList.PageAsync(db, waitingOnly: true, page: 0, pageSize: 50);

        first.Total.ShouldBe(all.Count);
        first.Rows.Select(r => r.Id).Concat(second.Rows.Select(r => r.Id)).ShouldBe(all.Take(4));
        waitingPage.Total.ShouldBe(waiting);
        waitingPage.Rows.ShouldAllBe(r => r.Status == ReturnRequestStatus.Pending);
        waitingPage.Rows.Select(r => r.Reason).ShouldContain("Paged 2");
    }

    [Fact]
    public async Task AWrongEmailForARealOrderAndAnUnknownNumberGetTheSameAnswerAndCreateNothing()
    {
        var (number, id) = await DeliveredOrderAsync();

        var wrongEmail = await Form.LookUpAsync(number, "someone.else@example.com", NewAddress());
        var unknown = await Form.LookUpAsync("NO-SUCH-" + number, Email, NewAddress());
        var wrongSubmit = await Form.SubmitAsync(number, "someone.else@example.com", [new ReturnPick(1, 1)], "Why", NewAddress());
        var unknownSubmit = await Form.SubmitAsync("NO-SUCH-" + number, Email, [new ReturnPick(1, 1)], "Why", NewAddress());

        foreach (var answer in new[] { wrongEmail, unknown, wrongSubmit, unknownSubmit })
            answer.ShouldBe(new ReturnFormAnswer(ReturnFormResult.NotFound, ReturnForm.NeutralAnswer));
        (await RequestsForAsync(id)).ShouldBe(0);
    }

    [Fact]
    public async Task TwentyQuickGuessesGetTheSameNeutralAnswerCreateNothingAndUseUpTheAddressesLimit()
    {
        var (number, id) = await DeliveredOrderAsync();
        var guesser = NewAddress();

        var answers = await Task.WhenAll(Enumerable.Range(0, 20)
            .Select(i => Form.SubmitAsync(number, $"guess{i}@example.com", [new ReturnPick(1, 1)], "Why", guesser)));

        answers.ShouldAllBe(a => a.Result == ReturnFormResult.NotFound && a.Message == ReturnForm.NeutralAnswer);
        (await RequestsForAsync(id)).ShouldBe(0);
        // The right details from the guesser's address now get the neutral answer too; the order number is used up as well.
        (await Form.LookUpAsync(number, Email, guesser)).Result.ShouldBe(ReturnFormResult.NotFound);
        (await Form.LookUpAsync(number, Email, NewAddress())).Result.ShouldBe(ReturnFormResult.NotFound);
        await using var db = factory.CreateDbContext();
        (await db.ReturnFormAttempts.CountAsync(a => a.Key == "ip:" + guesser)).ShouldBe(10);
    }

    [Fact]
    public async Task TwentyQuickSubmissionsOfTheRightDetailsCreateOneRequest()
    {
        var (number, id) = await DeliveredOrderAsync();
        var customer = NewAddress();

        var answers = await Task.WhenAll(Enumerable.Range(0, 20)
            .Select(_ => Form.SubmitAsync(number, Email, [new ReturnPick(1, 2)], "Too small", customer)));

        answers.ShouldContain(a => a.Result == ReturnFormResult.Received);
        answers.ShouldAllBe(a => a.Result == ReturnFormResult.Received || a.Message == ReturnForm.NeutralAnswer);
        (await RequestsForAsync(id)).ShouldBe(1);
    }

    [Fact]
    public async Task TheCustomerFindsTheOrderPicksLinesAndTheManagersAcceptanceIsEmailedOnce()
    {
        var (number, id) = await DeliveredOrderAsync();
        var customer = NewAddress();

        var found = await Form.LookUpAsync($" {number} ", " ADA@example.com ", customer);
        found.Result.ShouldBe(ReturnFormResult.Ready);
        found.Lines!.Select(l => (l.Sku, l.Ordered)).ShouldBe([("MUG", 3), ("POT", 1)]);
        var sent = await Form.SubmitAsync(number, Email, [new ReturnPick(1, 2), new ReturnPick(2, 0)], "Too small", customer);
        sent.Result.ShouldBe(ReturnFormResult.Received);
        (await Form.LookUpAsync(number, Email, customer)).Result.ShouldBe(ReturnFormResult.Received);

        await using var db = factory.CreateDbContext();
        var request = await db.ReturnRequests.AsNoTracking().SingleAsync(r => r.OrderId == id);
        request.Lines.Select(l => (l.Sku, l.Quantity)).ShouldBe([("MUG", 2)]);
        (await Decisions.AcceptAsync(request.Id, Anna, request.Version)).Result.ShouldBe(BillingResult.Done);
        var again = await Decisions.AcceptAsync(request.Id, Anna, request.Version);
        again.Result.ShouldBe(BillingResult.Conflict);
        again.Message!.ShouldContain("Anna Manager");

        (await db.Orders.AsNoTracking().SingleAsync(o => o.Id == id)).Status.ShouldBe(OrderStatuses.RefundRequested);
        var email = await db.Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.DedupeKey == $"return-decision:{request.Id}");
        (email.To, email.Subject).ShouldBe((Email, $"Your return for order {number} is accepted"));
        email.TextBody.ShouldContain("2 x MUG name");
        (await db.Set<OutboxMessage>().CountAsync(m => m.DedupeKey.StartsWith($"return-decision:{request.Id}"))).ShouldBe(1);
    }

    [Fact]
    public async Task ARefusalIsEmailedOnceWithTheReasonEncoded()
    {
        var (number, id) = await DeliveredOrderAsync();
        (await Form.SubmitAsync(number, Email, [new ReturnPick(2, 1)], "Chipped <i>lid</i>", NewAddress())).Result.ShouldBe(ReturnFormResult.Received);
        await using var db = factory.CreateDbContext();
        var request = await db.ReturnRequests.AsNoTracking().SingleAsync(r => r.OrderId == id);

        var empty = await Decisions.RefuseAsync(request.Id, " ", Anna, request.Version);
        empty.Result.ShouldBe(BillingResult.Refused);
        (await Decisions.RefuseAsync(request.Id, "Past <b>30 days</b>", Anna, request.Version)).Result.ShouldBe(BillingResult.Done);
        (await Decisions.RefuseAsync(request.Id, "Again", Anna, request.Version)).Result.ShouldBe(BillingResult.Conflict);

        var emails = await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.DedupeKey == $"return-decision:{request.Id}").ToListAsync();
        var email = emails.ShouldHaveSingleItem();
        email.HtmlBody.ShouldContain("Past &lt;b&gt;30 days&lt;/b&gt;");
        email.HtmlBody.ShouldNotContain("<b>30 days</b>");
        (await db.Orders.AsNoTracking().SingleAsync(o => o.Id == id)).SubStatus.ShouldBe(OrderStatuses.Delivered);
    }

    [Fact]
    public async Task AnOrderNotYetSentIsNotReturnableOnline()
    {
        var number = "R-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        await using var db = factory.CreateDbContext();
        var channel = await db.Channels.SingleAsync(c => c.Code == "web");
        var order = new OrderBuilder().InChannel(channel.Id).WithExternalId(number.ToLowerInvariant()).WithNumber(number).WithPaymentStatus(PaymentStatus.Paid).Build();
        db.Orders.Add(order);
        await db.SaveChangesAsync();

        var answer = await Form.LookUpAsync(number, Email, NewAddress());
        answer.Result.ShouldBe(ReturnFormResult.NotReturnable);
        (await Form.SubmitAsync(number, Email, [new ReturnPick(1, 1)], "Why", NewAddress())).Result.ShouldBe(ReturnFormResult.NotReturnable);
        (await RequestsForAsync(order.Id)).ShouldBe(0);
    }
}
