using System.ComponentModel;
using CommerceDesk.Domain.Common;
using CommerceDesk.Domain.Crm;

namespace CommerceDesk.Web.Storefront.Infrastructure;

public sealed record LineView(int Position, string Sku, string Name, int Quantity, decimal UnitPrice, decimal LineTotal)
{
    public static LineView Of(LineItem line) => new(line.Position, line.Sku, line.Name, line.Quantity, line.UnitPrice, line.LineTotal);
}

[Description("Where the record stands with the CRM.")]
public sealed record CrmSyncView(CrmSyncStatus Status, string? ExternalId)
{
    public static CrmSyncView Of(CrmSyncState state) => new(state.Status, state.ExternalId);
}

[Description("The back-office workflow: its name, the current step and the transitions a manager can fire now.")]
public sealed record WorkflowView(string Name, string Step, IReadOnlyList<string> AvailableTransitions);
