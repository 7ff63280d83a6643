using CommerceDesk.Data.Events;
using CommerceDesk.Data.Interceptors;
using CommerceDesk.Web.Assignment;
using CommerceDesk.Web.Email;
using CommerceDesk.Web.Fulfilment;
using CommerceDesk.Web.Orders;
using CommerceDesk.Web.Returns;
using CommerceDesk.Web.Webhooks;
using CommerceDesk.Web.Workflows;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceDesk.Tests.Support;

/// <summary>The app's domain-event handlers, registered by their features as Program does, for contexts made in tests.</summary>
public static class AppEventHandlers
{
    public static DomainEventInterceptor Interceptor(TimeProvider time, Action<EmailOptions>? email = null, params ICommittedEventNotifier[] notifiers)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(time);
        services.AddOptions<EmailOptions>().Configure(o => email?.Invoke(o));
        services.AddWorkflows();
        services.AddOrders();
        services.AddFulfilment();
        services.AddReturns();
        services.AddAssignment();
        services.AddStatusWebhooks();
        return new DomainEventInterceptor(new DomainEventDispatcher(services.BuildServiceProvider()), notifiers);
    }
}
