using CommerceDesk.Data.Events;
using CommerceDesk.Domain.Orders;
using CommerceDesk.Web.Fulfilment.Carriers;
using CommerceDesk.Web.Fulfilment.Deliveries;
using CommerceDesk.Web.Fulfilment.Stock;
using CommerceDesk.Web.Fulfilment.Tracking;

namespace CommerceDesk.Web.Fulfilment;

public static class FulfilmentSetup
{
    /// <summary>
    /// Stock and deliveries (DESIGN §5): a confirmed order reserves its stock and gets its delivery, cancelling or refunding
    /// gives the stock back, the delivery's steps ship it and tell the customer when it arrived; carriers and the route
    /// are settings; the public tracking page.
    /// </summary>
    public static IServiceCollection AddFulfilment(this IServiceCollection services)
    {
        services.AddDomainEventHandler<OrderConfirmed, ReserveStockOnConfirmation>();
        services.AddDomainEventHandler<OrderCancelled, ReleaseStockOnCancellation>();
        services.AddDomainEventHandler<OrderRefunded, RestockOnRefund>();
        services.AddDomainEventHandler<OrderDelivered, SendDeliveryDoneEmail>();
        services.AddSingleton<AdvanceDelivery>();
        services.AddSingleton<CarrierSettings>();
        services.AddSingleton<OrderTracking>();
        return services;
    }
}
