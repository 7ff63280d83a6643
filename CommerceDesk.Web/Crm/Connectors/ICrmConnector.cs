namespace CommerceDesk.Web.Crm.Connectors;

/// <summary>The customer as a CRM contact, keyed by our id so an upsert never makes a second one.</summary>
public sealed record CrmContact(string Key, string? FirstName, string LastName, string? Email);

/// <summary>One opportunity to create or update in the CRM, keyed by <see cref="Key"/> (ours).</summary>
public sealed record CrmOpportunityRecord(
    long OpportunityId, string Key, string Name, string Stage, DateTime CloseDate, decimal Amount, string Currency,
    string? ContactRole, CrmContact? Contact, string? ContactRoleId);

/// <summary>What the CRM answered for one record: its id there (and the contact role's, once created), or why it refused.</summary>
public sealed record CrmRecordResult(string? ExternalId, string? Error, string? ContactRoleId = null)
{
    public bool Succeeded => Error is null;
    public static CrmRecordResult Ok(string externalId, string? contactRoleId = null) => new(externalId, null, contactRoleId);
    public static CrmRecordResult Fail(string error) => new(null, error);
}

/// <summary>
/// Where opportunities go (<c>Crm:Connector</c>). A connector answers one result per record, in order, and never
/// throws for one record's trouble: a refused record or a failed call fails only the records it concerns.
/// </summary>
public interface ICrmConnector
{
    CrmConnectorKind Kind { get; }

    Task<IReadOnlyList<CrmRecordResult>> UpsertAsync(IReadOnlyList<CrmOpportunityRecord> records, CancellationToken cancellationToken);
}
