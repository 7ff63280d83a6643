using CommerceDesk.Data;
using CommerceDesk.Domain.Activities;
using CommerceDesk.Domain.Workflows;
using CommerceDesk.Web.Grids;
using CommerceDesk.Web.Workflows;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Web.Accounts.Page;

public enum AccountActivityKind { Call, Email, Note, Workflow, OrderStatus }

/// <summary>One line of the account's activity: what happened, to which cart or order (its link), by whom.</summary>
public sealed record AccountActivityEntry(DateTime At, AccountActivityKind Kind, string Title, string? Details, string By, string? RecordHref, string? RecordText);

/// <summary>
/// Everything attached to an account's customers, newest first: calls, e-mails and notes (they carry their customer),
/// workflow transitions of their carts and orders, and their orders' status changes. Each source is read newest first
/// up to the end of the asked page, then merged, so a page costs a few indexed reads whatever the account's size.
/// </summary>
public static class AccountActivity
{
    public const int PageSize = 10;

    public static IReadOnlyList<AccountActivityKind> AllKinds { get; } = Enum.GetValues<AccountActivityKind>();

    public static string Label(AccountActivityKind kind) => kind switch
    {
        AccountActivityKind.Call => "Calls",
        AccountActivityKind.Email => "E-mails",
        AccountActivityKind.Note => "Notes",
        AccountActivityKind.Workflow => "Workflow steps",
        _ => "Order status changes",
    };

    public static async Task<GridPage<AccountActivityEntry>> PageAsync(
        CommerceDbContext db, long accountId, IReadOnlyCollection<AccountActivityKind> kinds, int page, CancellationToken ct = default)
    {
        var upTo = (page + 1) * PageSize;
        var customerIds = db.Customers.Where(c => c.AccountId == accountId).Select(c => (long?)c.Id);
        var cartIds = db.Carts.Where(k => customerIds.Contains(k.CustomerId)).Select(k => (long?)k.Id);
        var orderIds = db.Orders.Where(o => customerIds.Contains(o.CustomerId)).Select(o => (long?)o.Id);
        var entries = new List<AccountActivityEntry>();
        var total = 0;

        var activities = db.Activities.AsNoTracking().Where(a => customerIds.Contains(a.CustomerId));
        var wanted = kinds.Where(k => k is AccountActivityKind.Call or AccountActivityKind.Email or AccountActivityKind.Note).ToList();
        if (wanted.Count > 0)
        {
            var call = wanted.Contains(AccountActivityKind.Call);
            var email = wanted.Contains(AccountActivityKind.Email);
            var note = wanted.Contains(AccountActivityKind.Note);
            activities = activities.Where(a => (call && a is CallActivity) || (email && a is EmailActivity) || (note && a is NoteActivity));
            total += await activities.CountAsync(ct);
            var loaded = await activities.OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id).Take(upTo).ToListAsync(ct);
            var delivery = await LoadActivityLog.DeliveryAsync(db, loaded, ct);
            entries.AddRange(loaded.Select(a =>
            {
                var line = LoadActivityLog.Describe(a, delivery);
                var kind = a switch { CallActivity => AccountActivityKind.Call, EmailActivity => AccountActivityKind.Email, _ => AccountActivityKind.Note };
                var (href, text) = a.OrderId is { } orderId ? ($"/orders/{orderId}", "Order") : a.CartId is { } cartId ? ($"/carts/{cartId}", "Cart") : (null, null);
                return new AccountActivityEntry(line.At, kind, line.Title, line.Details, line.By, href, text);
            }));
        }

        if (kinds.Contains(AccountActivityKind.Workflow))
        {
            var transitions = from i in db.WorkflowItems.AsNoTracking()
                              where cartIds.Contains(i.CartId) || orderIds.Contains(i.OrderId)
                              from t in i.Transitions
                              select new { t.Id, t.At, t.TransitionLabel, t.FromStep, t.ToStep, t.UserName, i.CartId, i.OrderId, i.WorkflowName };
            total += await transitions.CountAsync(ct);
            var loaded = await transitions.OrderByDescending(t => t.At).ThenByDescending(t => t.Id).Take(upTo).ToListAsync(ct);
            string Step(string workflow, string step) =>
                WorkflowRegistry.Default.Find(workflow)?.Steps.FirstOrDefault(s => s.Name == step)?.Label ?? step;
            entries.AddRange(loaded.Select(t => new AccountActivityEntry(t.At, AccountActivityKind.Workflow, t.TransitionLabel,
                $"{Step(t.WorkflowName, t.FromStep)} → {Step(t.WorkflowName, t.ToStep)}", t.UserName,
                t.OrderId is { } o ? $"/orders/{o}" : $"/carts/{t.CartId}", t.OrderId is null ? "Cart" : "Order")));
        }

        if (kinds.Contains(AccountActivityKind.OrderStatus))
        {
            var changes = db.OrderStatusHistory.AsNoTracking().Where(h => orderIds.Contains(h.OrderId));
            total += await changes.CountAsync(ct);
            var loaded = await changes.OrderByDescending(h => h.ChangedAt).ThenByDescending(h => h.Id).Take(upTo)
                .Select(h => new { h.ChangedAt, h.FromCode, h.ToCode, h.ChangedBy, h.Note, h.OrderId }).ToListAsync(ct);
            var names = await db.OrderStatusDefinitions.AsNoTracking().ToDictionaryAsync(s => s.Code, s => s.Name, ct);
            entries.AddRange(loaded.Select(h => new AccountActivityEntry(h.ChangedAt, AccountActivityKind.OrderStatus,
                $"Order status: {names.GetValueOrDefault(h.FromCode, h.FromCode)} → {names.GetValueOrDefault(h.ToCode, h.ToCode)}",
                h.Note, h.ChangedBy, $"/orders/{h.OrderId}", "Order")));
        }

        var rows = entries.OrderByDescending(e => e.At).Skip(page * PageSize).Take(PageSize).ToList();
        return new GridPage<AccountActivityEntry>(await NameRecordsAsync(db, rows, ct), total);
    }

    /// <summary>"Order 100042", "Cart C-000017": the record each line is about, as managers know it.</summary>
    private static async Task<List<AccountActivityEntry>> NameRecordsAsync(CommerceDbContext db, List<AccountActivityEntry> rows, CancellationToken ct)
    {
        static long? IdIn(string? href, string prefix) =>
            href is not null && href.StartsWith(prefix, StringComparison.Ordinal) && long.TryParse(href[prefix.Length..], out var id) ? id : null;
        var orderIds = rows.Select(r => IdIn(r.RecordHref, "/orders/")).OfType<long>().Distinct().ToList();
        var cartIds = rows.Select(r => IdIn(r.RecordHref, "/carts/")).OfType<long>().Distinct().ToList();
        var numbers = await db.Orders.Where(o => orderIds.Contains(o.Id)).Select(o => new { o.Id, o.Number }).ToDictionaryAsync(o => o.Id, o => o.Number, ct);
        var carts = await db.Carts.Where(c => cartIds.Contains(c.Id)).Select(c => new { c.Id, c.ExternalId }).ToDictionaryAsync(c => c.Id, c => c.ExternalId, ct);
        return rows.Select(r => IdIn(r.RecordHref, "/orders/") is { } o && numbers.TryGetValue(o, out var number) ? r with { RecordText = $"Order {number}" }
            : IdIn(r.RecordHref, "/carts/") is { } c && carts.TryGetValue(c, out var cart) ? r with { RecordText = $"Cart {cart}" }
            : r).ToList();
    }
}
