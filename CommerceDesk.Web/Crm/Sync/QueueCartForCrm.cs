using CommerceDesk.Data;
using CommerceDesk.Domain.Carts;
using CommerceDesk.Domain.Crm;
using CommerceDesk.Web.Crm.Settings;

namespace CommerceDesk.Web.Crm.Sync;

/// <summary>
/// A storefront push changed a cart's items, quantities or checkout step: with cart automatic synchronization on, the
/// cart is queued for the CRM in the push's own save. The settings are read each time, so switching takes effect at once.
/// </summary>
internal sealed class QueueCartForCrm(TimeProvider time)
{
    public async Task ApplyAsync(CommerceDbContext db, CartContent? before, Cart cart, CancellationToken cancellationToken)
    {
        if (CartContent.Between(before, CartContent.Of(cart)) is not { } change) return;
        var settings = await CrmSettingsStore.ReadAsync(db, cancellationToken);
        if (!CrmRules.NeedsSync(settings, change)) return;
        await CrmSyncQueue.MarkPendingAsync(db, cart, time.GetUtcNow().UtcDateTime, cancellationToken);
    }
}
