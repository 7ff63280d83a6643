using CommerceDesk.Web.Carts;
using CommerceDesk.Web.Customers;
using CommerceDesk.Web.Exports;
using CommerceDesk.Web.Grids;
using CommerceDesk.Web.Notifications;
using CommerceDesk.Web.Orders;

namespace CommerceDesk.Web;

internal static class BackOfficeSetup
{
    /// <summary>The back office's pages: the UI store's features (notifications, the live new-orders badge, each grid's view).</summary>
    public static IServiceCollection AddBackOffice(this IServiceCollection services) => services
        .AddNotifications()
        .AddNewOrders()
        .AddGridView<OrderGridFilter>()
        .AddGridView<CartGridFilter>()
        .AddGridView<CustomerGridFilter>()
        .AddGridView<Products.ProductGridFilter>()
        .AddGridView<Opportunities.OpportunityGridFilter>()
        .AddGridView<Accounts.AccountGridFilter>();

    public static void MapBackOffice(this WebApplication app) => app.MapGridExports();
}
