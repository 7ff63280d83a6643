using CommerceDesk.Data.Events;
using CommerceDesk.Domain.Orders;
using Hangfire;

namespace CommerceDesk.Web.Webhooks;

public static class WebhooksSetup
{
    /// <summary>Channels' status webhooks: queued inside the save of the change (outbox), POSTed by a recurring job.</summary>
    public static IServiceCollection AddStatusWebhooks(this IServiceCollection services)
    {
        services.AddDomainEventHandler<OrderStatusChanged, QueueStatusChangeWebhook>();
        services.AddDomainEventHandler<OrderShipped, QueueShipmentWebhook>();
        services.AddDomainEventHandler<OrderRefunded, QueueRefundWebhook>();
        // The outbox's own retry with back-off is the retry; the client only bounds each attempt.
        services.AddHttpClient(WebhookSender.HttpClientName, client => client.Timeout = WebhookSender.Timeout);
        services.AddTransient<WebhookSender>();
        services.AddTransient<WebhookDeliveries>();
        services.AddTransient<ChannelWebhookSettings>();
        return services;
    }

    /// <summary>Every minute; safe to overlap with itself and to run on several nodes.</summary>
    public static void UseStatusWebhookJobs(this WebApplication app) =>
        app.Services.GetRequiredService<IRecurringJobManager>()
            .AddOrUpdate<WebhookSender>("status-webhooks", job => job.RunAsync(CancellationToken.None), Cron.Minutely());
}
