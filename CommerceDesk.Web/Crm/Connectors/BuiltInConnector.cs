using System.Globalization;

namespace CommerceDesk.Web.Crm.Connectors;

/// <summary>Opportunities live in CommerceDesk itself: the sync has already written them; the CRM id is ours.</summary>
internal sealed class BuiltInConnector : ICrmConnector
{
    public CrmConnectorKind Kind => CrmConnectorKind.BuiltIn;

    public Task<IReadOnlyList<CrmRecordResult>> UpsertAsync(IReadOnlyList<CrmOpportunityRecord> records, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CrmRecordResult>>(
            records.Select(r => CrmRecordResult.Ok(r.OpportunityId.ToString(CultureInfo.InvariantCulture))).ToList());
}
