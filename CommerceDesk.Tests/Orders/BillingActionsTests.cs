using System.Text.Json.Nodes;
using CommerceDesk.Data;
using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Orders;
using CommerceDesk.Tests.Support;
using CommerceDesk.Web.Orders.Billing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CommerceDesk.Tests.Api.Storefront.StorefrontPayloads;

namespace CommerceDesk.Tests.Orders;

/// <summary>
/// The order page's money actions through the app's own service on a real database: what they store, two managers at
/// once, unique invoice numbers, refused input that writes nothing, and what the storefront's GET then shows.
/// </summary>
public abstract class BillingActionsTests(CommerceDeskFactory factory)
{
    public sealed class OnSqlite(CommerceDeskFactory factory) : BillingActionsTests(factory), IClassFixture<CommerceDeskFactory>;

    public sealed class OnPostgres(PostgresCommerceDeskFactory factory) : BillingActionsTests(factory), IClassFixture<PostgresCommerceDeskFactory>;

    private static readonly Actor Anna = new("u-anna", "Anna Manager");
    private static readonly Actor Ben = new("u-ben", "Ben Manager");

    private OrderBilling Billing => factory.Services.GetRequiredService<OrderBilling>();

    private static DateTime Today => DateTime.UtcNow.Date;

    /// <summary>The storefront pushes an order of 2 × 19.90 = 39.80 EUR; returns its external id and stored id.</summary>
    private async Task<(string ExternalId, long Id)> PushAsync(string kind = "offline", string paymentStatus = "pending")
    {
        var externalId = NewId("ord");
        var response = await factory.CreateStorefrontClient().PutAsync("orders", externalId, Order(kind: kind, paymentStatus: paymentStatus));
        response.EnsureSuccessStatusCode();
        await using var db = factory.CreateDbContext();
        return (externalId, await db.Orders.Where(o => o.ExternalId == externalId).Select(o => o.Id).SingleAsync());
    }

    private async Task<OrderSeen> SeenAsync(long orderId)
    {
        await using var db = factory.CreateDbContext();
        var o = await db.Orders.AsNoTracking().SingleAsync(x => x.Id == orderId);
        return new OrderSeen(o.Version, o.BillingSequence, o.StatusSequence);
    }

    private static void ShouldBeDone(BillingOutcome outcome) => outcome.Result.ShouldBe(BillingResult.Done, outcome.Message);

    [Fact]
    public async Task AnOfflineOrderIsConfirmedInvoicedCreditedAndRefundedAndTheStorefrontGetShowsIt()
    {
        var (externalId, id) = await PushAsync();

        ShouldBeDone(await Billing.ConfirmPaymentAsync(id, Anna, await SeenAsync(id)));
        ShouldBeDone(await Billing.InvoiceAsync(id, Today, 30m, Anna, await SeenAsync(id)));
        ShouldBeDone(await Billing.InvoiceAsync(id, Today, null, Anna, await SeenAsync(id)));
        long firstInvoice;
        await using (var db = factory.CreateDbContext())
            firstInvoice = await db.Invoices.Where(i => i.OrderId == id).OrderBy(i => i.Id).Select(i => i.Id).FirstAsync();
        ShouldBeDone(await Billing.IssueCreditMemoAsync(id, firstInvoice, 5m, "Scratched <b>box</b>", Ben, await SeenAsync(id)));
        ShouldBeDone(await Billing.RefundAsync(id, "Customer sent everything back", Anna, await SeenAsync(id)));

        var body = await (await factory.CreateStorefrontClient().GetRecordAsync("orders", externalId)).JsonAsync();
        body["number"]!.GetValue<string>().ShouldBe("SO-1001");
        body["status"]!.GetValue<string>().ShouldBe(OrderStatuses.Refunded);
        var invoices = body["invoices"]!.AsArray();
        invoices.Select(i => i!["amount"]!.GetValue<decimal>()).ShouldBe([30m, 9.8m]);
        invoices.ShouldAllBe(i => System.Text.RegularExpressions.Regex.IsMatch(i!["number"]!.GetValue<string>(), $"^INV-{Today.Year}-\\d{{6}}$"));
        invoices[0]!["creditedAmount"]!.GetValue<decimal>().ShouldBe(5m);
        var memo = body["creditMemos"]!.AsArray().ShouldHaveSingleItem()!;
        (memo["invoiceNumber"]!.GetValue<string>(), memo["amount"]!.GetValue<decimal>(), memo["reason"]!.GetValue<string>())
            .ShouldBe((invoices[0]!["number"]!.GetValue<string>(), 5m, "Scratched <b>box</b>"));
        var refund = body["refund"]!.AsObject();
        (refund["amount"]!.GetValue<decimal>(), refund["currency"]!.GetValue<string>(), refund["reason"]!.GetValue<string>())
            .ShouldBe((34.8m, "EUR", "Customer sent everything back"));

        await using var check = factory.CreateDbContext();
        var history = await check.OrderBillingHistory.Where(h => h.OrderId == id).OrderBy(h => h.Sequence).ToListAsync();
        history.Select(h => (h.Sequence, h.By)).ShouldBe([(1, "Anna Manager"), (2, "Anna Manager"), (3, "Anna Manager"), (4, "Ben Manager"), (5, "Anna Manager")]);
        (await check.OrderStatusHistory.Where(h => h.OrderId == id).Select(h => h.ToCode).ToListAsync()).ShouldBe([OrderStatuses.Refunded]);
    }

    [Fact]
    public async Task AnOrderNotYetRefundedShowsNoRefundAndNoDocumentsOnTheStorefrontGet()
    {
        var (externalId, _) = await PushAsync();

        var body = await (await factory.CreateStorefrontClient().GetRecordAsync("orders", externalId)).JsonAsync();

        body["invoices"]!.AsArray().ShouldBeEmpty();
        body["creditMemos"]!.AsArray().ShouldBeEmpty();
        body.ContainsKey("refund").ShouldBeTrue();
        body["refund"].ShouldBeNull();
    }

    [Fact]
    public async Task OfTwoManagersConfirmingAtOnceOneWinsAndTheOtherIsToldWho()
    {
        var (_, id) = await PushAsync();
        var seen = await SeenAsync(id);

        ShouldBeDone(await Billing.ConfirmPaymentAsync(id, Anna, seen));
        var second = await Billing.ConfirmPaymentAsync(id, Ben, seen);

        second.Result.ShouldBe(BillingResult.Conflict);
        second.Message.ShouldBe("This order was changed by Anna Manager meanwhile; reload it and try again.");
        await using var db = factory.CreateDbContext();
        (await db.OrderBillingHistory.CountAsync(h => h.OrderId == id)).ShouldBe(1);
    }

    [Fact]
    public async Task ParallelInvoicesOfDifferentOrdersGetDifferentConsecutiveNumbers()
    {
        var ids = new List<long>();
        for (var i = 0; i < 4; i++) ids.Add((await PushAsync("online", "paid")).Id);
        var seen = new List<OrderSeen>();
        foreach (var id in ids) seen.Add(await SeenAsync(id));

        var outcomes = await Task.WhenAll(ids.Select((id, i) => Billing.InvoiceAsync(id, Today, null, Anna, seen[i])));

        outcomes.ShouldAllBe(o => o.Result == BillingResult.Done);
        await using var db = factory.CreateDbContext();
        var sequences = await db.Invoices.Where(i => ids.Contains(i.OrderId)).Select(i => i.Sequence).OrderBy(s => s).ToListAsync();
        sequences.Distinct().Count().ShouldBe(4);
        (sequences[^1] - sequences[0]).ShouldBe(3);
    }

    [Theory]
    [InlineData(39.81, "at most 39.80 EUR")]
    [InlineData(0, "more than zero")]
    [InlineData(1.001, "at most 2 decimals")]
    public async Task AnInvoiceAmountThatDoesNotFitIsRefusedAndNothingIsWritten(double amount, string message)
    {
        var (_, id) = await PushAsync("online", "paid");
        var before = await SeenAsync(id);

        var outcome = await Billing.InvoiceAsync(id, Today, (decimal)amount, Anna, before);

        outcome.Result.ShouldBe(BillingResult.Refused);
        outcome.Message!.ShouldContain(message);
        (await SeenAsync(id)).ShouldBe(before);
        await using var db = factory.CreateDbContext();
        (await db.Invoices.CountAsync(i => i.OrderId == id)).ShouldBe(0);
        (await db.OrderBillingHistory.CountAsync(h => h.OrderId == id)).ShouldBe(0);
    }

    [Fact]
    public async Task ACreditMemoBeyondWhatTheInvoiceHasLeftIsRefusedAndNothingIsWritten()
    {
        var (_, id) = await PushAsync("online", "paid");
        ShouldBeDone(await Billing.InvoiceAsync(id, Today, 10m, Anna, await SeenAsync(id)));
        await using var db = factory.CreateDbContext();
        var invoice = await db.Invoices.SingleAsync(i => i.OrderId == id);
        ShouldBeDone(await Billing.IssueCreditMemoAsync(id, invoice.Id, 6m, "Dent", Anna, await SeenAsync(id)));
        var before = await SeenAsync(id);

        var outcome = await Billing.IssueCreditMemoAsync(id, invoice.Id, 4.01m, "More", Anna, before);

        outcome.Result.ShouldBe(BillingResult.Refused);
        outcome.Message!.ShouldContain("at most 4.00 EUR");
        (await SeenAsync(id)).ShouldBe(before);
        (await db.CreditMemos.CountAsync(c => c.OrderId == id)).ShouldBe(1);
    }
}
