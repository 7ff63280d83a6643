using CommerceDesk.Data.Events;
using CommerceDesk.Domain.Carts;
using CommerceDesk.Domain.Workflows;

namespace CommerceDesk.Web.Workflows;

public static class WorkflowSetup
{
    /// <summary>The default workflows (Abandoned Shopping Cart, Order Follow Up) and their handlers.</summary>
    public static IServiceCollection AddWorkflows(this IServiceCollection services)
    {
        services.AddSingleton(WorkflowRegistry.Default);
        services.AddSingleton<LoadWorkflowPanel>();
        services.AddSingleton<WorkflowEmailQueue>();
        services.AddSingleton<FireTransition>();
        services.AddSingleton<FireMassTransition>();
        services.AddSingleton<LoadActivityLog>();
        services.AddDomainEventHandler<CartPurchased, ConvertCartWorkflowOnPurchase>();
        return services;
    }
}
