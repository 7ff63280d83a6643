using CommerceDesk.Data.Events;
using CommerceDesk.Domain.Orders;
using CommerceDesk.Web.Orders.Placed;

namespace CommerceDesk.Web.Orders;

public static class OrdersSetup
{
    /// <summary>What a new order sets off inside its save: the confirmation to the customer and the notice to staff.</summary>
    public static IServiceCollection AddOrders(this IServiceCollection services)
    {
        services.AddDomainEventHandler<OrderPlaced, SendOrderConfirmation>();
        services.AddDomainEventHandler<OrderPlaced, NotifyStaffOfNewOrder>();
        return services;
    }

    public static void MapOrders(this WebApplication app) => app.MapPlacedOrderLink();
}
