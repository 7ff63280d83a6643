using CommerceDesk.Data;
using CommerceDesk.Domain.Carts;
using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Crm;
using CommerceDesk.Domain.Customers;
using CommerceDesk.Domain.Orders;
using CommerceDesk.Web.Crm.Connectors;
using CommerceDesk.Web.Crm.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommerceDesk.Web.Crm.Sync;

/// <summary>What one run did.</summary>
public sealed record CrmSyncRun(int Synced, int Failed);

/// <summary>
/// The recurring job <c>crm-sync</c> (every minute): claims due carts, then due orders, in batches with a
/// compare-and-swap update of their queue entries (two nodes never sync one record at once), brings each record's
/// opportunity in line with the settings read at the start of the run, sends the batch to the connector, and
/// records each record's own result: synced, or failed with the CRM's message and a retry after 1, 2, 4 … minutes.
/// </summary>
public sealed class CrmSyncJob(
    IDbContextFactory<CommerceDbContext> factory,
    ICrmConnector connector,
    SalesforceSession salesforce,
    IOptions<CrmOptions> options,
    TimeProvider time,
    ILogger<CrmSyncJob> logger)
{
    /// <summary>How long a claim holds; a batch takes seconds, so an older claim belongs to a run that died.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    private sealed record Claimed(long EntryId, long RecordId, int Attempts, int Generation);

    public async Task<CrmSyncRun> RunAsync(CancellationToken cancellationToken)
    {
        var settings = await ReadSettingsAsync(cancellationToken);
        var batchSize = Math.Clamp(options.Value.BatchSize, 1, 200);
        var budget = Math.Max(1, options.Value.RunLimit);
        int synced = 0, failed = 0;
        foreach (var type in new[] { CrmRecordType.Cart, CrmRecordType.Order })
        {
            while (budget > 0)
            {
                var claim = Guid.NewGuid();
                var claimed = await ClaimAsync(type, Math.Min(batchSize, budget), claim, cancellationToken);
                if (claimed is null) break;
                if (claimed.Count == 0) continue; // another node took this batch; look again
                budget -= claimed.Count;
                var (ok, bad) = type == CrmRecordType.Cart
                    ? await SyncCartsAsync(claimed, claim, settings, cancellationToken)
                    : await SyncOrdersAsync(claimed, claim, settings, cancellationToken);
                synced += ok;
                failed += bad;
            }
        }
        await RememberSalesforceInstanceAsync(cancellationToken);
        return new CrmSyncRun(synced, failed);
    }

    /// <summary>Keeps the instance Salesforce named, so every node's "CRM ID" links point there.</summary>
    private async Task RememberSalesforceInstanceAsync(CancellationToken cancellationToken)
    {
        if (connector.Kind != CrmConnectorKind.Salesforce || salesforce.InstanceUrl is not { } instance) return;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var row = await db.CrmSettings.SingleOrDefaultAsync(s => s.Key == CrmLinks.InstanceUrlKey, cancellationToken);
        if (row?.Value == instance) return;
        if (row is null) db.CrmSettings.Add(new CrmSettingValue(CrmLinks.InstanceUrlKey, instance));
        else row.Set(instance);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another node stored it at the same moment.
        }
    }

    private async Task<CrmSettings> ReadSettingsAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await CrmSettingsStore.ReadAsync(db, cancellationToken);
    }

    /// <summary>Due entries of one type → ours; null when none is due, empty when others claimed them first.</summary>
    private async Task<List<Claimed>?> ClaimAsync(CrmRecordType type, int take, Guid claim, CancellationToken cancellationToken)
    {
        var now = Now;
        var leaseEnd = now + Lease;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var due = db.CrmSyncQueue.Where(e => e.DueAt <= now);
        due = type == CrmRecordType.Cart ? due.Where(e => e.CartId != null) : due.Where(e => e.OrderId != null);
        var ids = await due.OrderBy(e => e.DueAt).ThenBy(e => e.Id).Select(e => e.Id).Take(take).ToListAsync(cancellationToken);
        if (ids.Count == 0) return null;
        await db.CrmSyncQueue
            .Where(e => ids.Contains(e.Id) && e.DueAt <= now)
            .ExecuteUpdateAsync(s => s
                .SetProperty(e => e.ClaimToken, claim)
                .SetProperty(e => e.DueAt, leaseEnd)
                .SetProperty(e => e.Attempts, e => e.Attempts + 1), cancellationToken);
        return await db.CrmSyncQueue.AsNoTracking().Where(e => e.ClaimToken == claim)
            .Select(e => new Claimed(e.Id, (e.CartId ?? e.OrderId)!.Value, e.Attempts, e.Generation))
            .ToListAsync(cancellationToken);
    }

    private async Task<(int, int)> SyncCartsAsync(List<Claimed> claimed, Guid claim, CrmSettings settings, CancellationToken cancellationToken)
    {
        var now = Now;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var ids = claimed.Select(c => c.RecordId).ToList();
        var carts = await db.Carts.Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var customers = await CustomersAsync(db, carts.Values.Select(c => c.CustomerId), cancellationToken);
        var opportunities = await db.Opportunities.Where(o => o.SourceCartId != null && ids.Contains(o.SourceCartId.Value))
            .ToDictionaryAsync(o => o.SourceCartId!.Value, cancellationToken);

        var work = new List<(Claimed Entry, Opportunity? Opportunity, string? Error)>();
        foreach (var entry in claimed)
        {
            if (!carts.TryGetValue(entry.RecordId, out var cart)) continue;
            try
            {
                var customer = cart.CustomerId is { } cid ? customers.GetValueOrDefault(cid) : null;
                var opportunity = opportunities.GetValueOrDefault(cart.Id);
                // Once the order placed from the cart took its opportunity over, the order's sync keeps it up to date.
                if (opportunity?.SourceOrderId is null)
                    opportunity = ApplyCart(db, settings, cart, customer, opportunity, now);
                work.Add((entry, opportunity, null));
            }
            catch (DomainException ex)
            {
                work.Add((entry, null, ex.Message));
            }
        }
        return await SendAndRecordAsync(db, CrmRecordType.Cart, claim, work, customers, settings, cancellationToken);
    }

    private async Task<(int, int)> SyncOrdersAsync(List<Claimed> claimed, Guid claim, CrmSettings settings, CancellationToken cancellationToken)
    {
        var now = Now;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var ids = claimed.Select(c => c.RecordId).ToList();
        var orders = await db.Orders.Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, cancellationToken);
        var cartIds = orders.Values.Select(o => o.CartId).OfType<long>().ToList();
        var customers = await CustomersAsync(db, orders.Values.Select(o => o.CustomerId), cancellationToken);
        var byOrder = await db.Opportunities.Where(o => o.SourceOrderId != null && ids.Contains(o.SourceOrderId.Value))
            .ToDictionaryAsync(o => o.SourceOrderId!.Value, cancellationToken);
        var byCart = await db.Opportunities.Where(o => o.SourceCartId != null && cartIds.Contains(o.SourceCartId.Value))
            .ToDictionaryAsync(o => o.SourceCartId!.Value, cancellationToken);

        var work = new List<(Claimed Entry, Opportunity? Opportunity, string? Error)>();
        foreach (var entry in claimed)
        {
            if (!orders.TryGetValue(entry.RecordId, out var order)) continue;
            try
            {
                var customer = order.CustomerId is { } cid ? customers.GetValueOrDefault(cid) : null;
                var own = byOrder.GetValueOrDefault(order.Id);
                var fromCart = order.CartId is { } cartId ? byCart.GetValueOrDefault(cartId) : null;
                if (fromCart?.SourceOrderId is not null && fromCart.SourceOrderId != order.Id) fromCart = null;
                var choice = CrmRules.ChooseForOrder(settings, own is not null, fromCart is not null);
                var opportunity = choice switch
                {
                    OpportunityChoice.UpdateExisting => own,
                    OpportunityChoice.ReuseCartOpportunity => fromCart,
                    _ => null,
                };
                if (choice == OpportunityChoice.None)
                {
                    work.Add((entry, null, null));
                    continue;
                }
                opportunity?.TakeOverForOrder(order.Id);
                work.Add((entry, ApplyOrder(db, settings, order, customer, opportunity, now), null));
            }
            catch (DomainException ex)
            {
                work.Add((entry, null, ex.Message));
            }
        }
        return await SendAndRecordAsync(db, CrmRecordType.Order, claim, work, customers, settings, cancellationToken);
    }

    private static Opportunity ApplyCart(CommerceDbContext db, CrmSettings settings, Cart cart, Customer? customer, Opportunity? opportunity, DateTime now)
    {
        var name = OpportunityName(customer, cart.HasContactEmail ? cart.Email : null, cart.ExternalId);
        var stage = CrmRules.CartStage(settings, cart.CheckoutStep, opportunity?.Stage);
        var role = CrmRules.ContactRole(settings);
        if (opportunity is null)
        {
            opportunity = Opportunity.ForRecord(name, cart.Subtotal, stage, CrmRules.CartCloseDate(settings, now), Actor.System, now,
                cart.Id, null, customer?.Id ?? cart.CustomerId, customer?.AccountId, role);
            db.Opportunities.Add(opportunity);
            return opportunity;
        }
        opportunity.Sync(name, cart.Subtotal, CrmRules.StagePath(settings, opportunity.Stage, stage, orderUpdate: false),
            CrmRules.CartCloseDate(settings, opportunity.CreatedAt), role, Actor.System, now);
        return opportunity;
    }

    private static Opportunity ApplyOrder(CommerceDbContext db, CrmSettings settings, Order order, Customer? customer, Opportunity? opportunity, DateTime now)
    {
        var name = OpportunityName(customer, order.Email, order.Number);
        var facts = new OrderFacts(order.Status, order.SubStatus, order.PaymentStatus == PaymentStatus.Paid, order.CrmInvoiceDate);
        var stage = CrmRules.OrderStage(settings, facts, opportunity?.Stage);
        var role = CrmRules.ContactRole(settings);
        if (opportunity is null)
        {
            opportunity = Opportunity.ForRecord(name, order.Subtotal, stage, CrmRules.OrderCloseDate(settings, now, order.CrmInvoiceDate), Actor.System, now,
                order.CartId, order.Id, customer?.Id ?? order.CustomerId, customer?.AccountId, role);
            db.Opportunities.Add(opportunity);
            return opportunity;
        }
        opportunity.Sync(name, order.Subtotal, CrmRules.StagePath(settings, opportunity.Stage, stage, orderUpdate: true),
            CrmRules.OrderCloseDate(settings, opportunity.CreatedAt, order.CrmInvoiceDate), role, Actor.System, now);
        return opportunity;
    }

    private static string OpportunityName(Customer? customer, string? email, string reference)
    {
        var who = customer?.FullName is { Length: > 0 } full ? full : email ?? "Guest";
        return $"{who} - {reference}";
    }

    private static async Task<Dictionary<long, Customer>> CustomersAsync(CommerceDbContext db, IEnumerable<long?> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.OfType<long>().Distinct().ToList();
        return wanted.Count == 0 ? [] : await db.Customers.AsNoTracking().Where(c => wanted.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
    }

    /// <summary>Writes our opportunities, sends them to the connector and records each record's own outcome.</summary>
    private async Task<(int, int)> SendAndRecordAsync(CommerceDbContext db, CrmRecordType type, Guid claim,
        List<(Claimed Entry, Opportunity? Opportunity, string? Error)> work, Dictionary<long, Customer> customers, CrmSettings settings,
        CancellationToken cancellationToken)
    {
        var results = new Dictionary<long, CrmRecordResult?>();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex)
        {
            // Someone else wrote one of these opportunities at the same moment (a manager's convert, another record of the
            // same sale): the whole batch retries shortly and then finds it.
            logger.LogWarning(ex, "Saving the opportunities of a CRM sync batch failed; the batch will be retried.");
            foreach (var w in work) results[w.Entry.EntryId] = CrmRecordResult.Fail("The opportunity was changed at the same moment; it will be synced again.");
            return await RecordAsync(type, claim, work, results, cancellationToken);
        }

        var toSend = work.Where(w => w.Error is null && w.Opportunity is not null).ToList();
        var records = toSend.Select(w => ToRecord(w.Opportunity!, customers, settings)).ToList();
        IReadOnlyList<CrmRecordResult> answers;
        try
        {
            answers = records.Count == 0 ? [] : await connector.UpsertAsync(records, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Sending {Count} opportunities to the CRM failed: {Error}", records.Count, ex.Message);
            answers = records.Select(_ => CrmRecordResult.Fail(ex.Message)).ToList();
        }
        for (var i = 0; i < toSend.Count; i++)
        {
            var answer = i < answers.Count ? answers[i] : CrmRecordResult.Fail("The CRM gave no result for this record.");
            results[toSend[i].Entry.EntryId] = answer;
            if (answer.Succeeded)
            {
                toSend[i].Opportunity!.RecordExternalId(answer.ExternalId!);
                if (answer.ContactRoleId is { } roleId) toSend[i].Opportunity!.RecordContactRoleCreated(roleId);
            }
        }
        foreach (var w in work.Where(w => w.Error is not null)) results[w.Entry.EntryId] = CrmRecordResult.Fail(w.Error!);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex)
        {
            logger.LogWarning(ex, "Recording CRM ids on opportunities failed; the next sync records them again.");
        }
        return await RecordAsync(type, claim, work, results, cancellationToken);
    }

    private static CrmOpportunityRecord ToRecord(Opportunity o, Dictionary<long, Customer> customers, CrmSettings settings)
    {
        var customer = o.CustomerId is { } id ? customers.GetValueOrDefault(id) : null;
        var contact = customer is not null && CrmRules.ContactRole(settings) is not null
            ? new CrmContact($"CD-CUS-{customer.Id}", customer.FirstName, customer.LastName is { Length: > 0 } last ? last : customer.Email ?? customer.ExternalId, customer.Email)
            : null;
        return new CrmOpportunityRecord(o.Id, o.CrmKey, o.Name, o.Stage, o.CloseDate, o.Amount.Amount, o.Amount.Currency,
            o.ContactRole, contact, o.ExternalContactRoleId);
    }

    /// <summary>Each record's outcome, only for the generation this run claimed (a change since then syncs again).</summary>
    private async Task<(int, int)> RecordAsync(CrmRecordType type, Guid claim, List<(Claimed Entry, Opportunity? Opportunity, string? Error)> work,
        Dictionary<long, CrmRecordResult?> results, CancellationToken cancellationToken)
    {
        int synced = 0, failed = 0;
        var now = Now;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        foreach (var (entry, opportunity, _) in work)
        {
            var result = results.GetValueOrDefault(entry.EntryId);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var mine = db.CrmSyncQueue.Where(e => e.Id == entry.EntryId && e.ClaimToken == claim && e.Generation == entry.Generation);
            var ok = result is null || result.Succeeded;
            var released = ok
                ? await mine.ExecuteUpdateAsync(s => s.SetProperty(e => e.DueAt, (DateTime?)null).SetProperty(e => e.ClaimToken, (Guid?)null).SetProperty(e => e.Attempts, 0), cancellationToken)
                : await mine.ExecuteUpdateAsync(s => s.SetProperty(e => e.DueAt, now + CrmSyncState.BackOff(entry.Attempts)).SetProperty(e => e.ClaimToken, (Guid?)null), cancellationToken);
            if (released == 1)
            {
                var state = await CurrentStateAsync(db, type, entry.RecordId, cancellationToken);
                var next = result is null
                    ? state with { Status = CrmSyncStatus.NotSynced, LastError = "No opportunity: Create opportunity is Never and its cart has none.", LastAttemptAt = now, NextAttemptAt = null, Attempts = entry.Attempts }
                    : result.Succeeded ? state.Succeeded(result.ExternalId, now) with { Attempts = entry.Attempts }
                    : state.Failed(result.Error!, entry.Attempts, now);
                await WriteStateAsync(db, type, entry.RecordId, next, cancellationToken);
                if (ok) synced++; else failed++;
            }
            await transaction.CommitAsync(cancellationToken);
        }
        return (synced, failed);
    }

    private static async Task<CrmSyncState> CurrentStateAsync(CommerceDbContext db, CrmRecordType type, long id, CancellationToken cancellationToken) =>
        type == CrmRecordType.Cart
            ? await db.Carts.AsNoTracking().Where(c => c.Id == id).Select(c => c.CrmSync).SingleAsync(cancellationToken)
            : await db.Orders.AsNoTracking().Where(o => o.Id == id).Select(o => o.CrmSync).SingleAsync(cancellationToken);

    // A plain UPDATE of the sync columns: the record's version stays, so a manager or a push working on it is not refused.
    private static Task<int> WriteStateAsync(CommerceDbContext db, CrmRecordType type, long id, CrmSyncState state, CancellationToken cancellationToken) =>
        type == CrmRecordType.Cart
            ? db.Carts.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.CrmSync, state), cancellationToken)
            : db.Orders.Where(o => o.Id == id).ExecuteUpdateAsync(s => s.SetProperty(o => o.CrmSync, state), cancellationToken);

    private DateTime Now => time.GetUtcNow().UtcDateTime;
}
