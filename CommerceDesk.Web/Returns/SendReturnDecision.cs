using CommerceDesk.Data;
using CommerceDesk.Data.Events;
using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Email;
using CommerceDesk.Domain.Returns;
using CommerceDesk.Web.Email;
using CommerceDesk.Web.Email.Outbox;
using CommerceDesk.Web.Orders.Placed;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommerceDesk.Web.Returns;

/// <summary>
/// E-mails the customer a manager's decision on their return request, inside the save that records it, to the address
/// they proved on the form. Keyed by the request, so it is queued once however the save is retried.
/// </summary>
public sealed class SendReturnDecision(IOptions<EmailOptions> options, TimeProvider time, ILogger<SendReturnDecision> logger)
    : IDomainEventHandler<ReturnRequestDecided>
{
    public static string Key(ReturnRequest request) => $"return-decision:{request.Id}";

    public async Task HandleAsync(ReturnRequestDecided decided, CommerceDbContext db, CancellationToken cancellationToken)
    {
        var request = decided.Request;
        if (string.IsNullOrEmpty(request.Email) || EmailAddress.IsPlaceholder(request.Email)) return;
        var order = await db.Orders.SingleAsync(o => o.Id == request.OrderId, cancellationToken);
        var email = await PlacedOrderEmail.LoadAsync(db, order, options.Value, cancellationToken);
        var model = new Dictionary<string, object?>(email.Model)
        {
            ["return_request"] = new Dictionary<string, object?>
            {
                ["lines"] = request.Lines.Select(l => new Dictionary<string, object?> { ["name"] = l.Name, ["sku"] = l.Sku, ["quantity"] = l.Quantity }).ToList(),
                ["reason"] = request.Reason,
                ["refusal_reason"] = request.RefusalReason,
            },
        };
        var template = request.Status == ReturnRequestStatus.Accepted ? EmailTemplateKeys.ReturnAccepted : EmailTemplateKeys.ReturnRefused;
        await TemplatedEmailQueue.AddAsync(db, template, request.Email, model, Key(request), time.GetUtcNow().UtcDateTime, logger, cancellationToken);
    }
}
