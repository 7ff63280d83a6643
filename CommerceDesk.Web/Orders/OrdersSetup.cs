using CommerceDesk.Data.Events;
using CommerceDesk.Domain.Orders;
using CommerceDesk.Web.Infrastructure;
using CommerceDesk.Web.Orders.Placed;
using CommerceDesk.Web.Orders.Statuses;

namespace CommerceDesk.Web.Orders;

public static class OrdersSetup
{
    /// <summary>
    /// What a new order sets off inside its save (the confirmation to the customer and the notice to staff), the
    /// status lifecycle with its default statuses, and the e-mails a status change sends.
    /// </summary>
    public static IServiceCollection AddOrders(this IServiceCollection services)
    {
        services.AddDomainEventHandler<OrderPlaced, SendOrderConfirmation>();
        services.AddDomainEventHandler<OrderPlaced, NotifyStaffOfNewOrder>();
        services.AddDomainEventHandler<OrderStatusChanged, RunOrderStatusActions>();
        services.AddScoped<IStartupSeeder, OrderStatusSeeder>();
        services.AddSingleton<ChangeOrderStatus>();
        services.AddSingleton<Billing.OrderBilling>();
        services.AddSingleton<OrderStatusSettings>();
        services.AddSingleton<MassActions.ChangeStatusOfOrders>();
        return services;
    }

    public static void MapOrders(this WebApplication app) => app.MapPlacedOrderLink();
}
