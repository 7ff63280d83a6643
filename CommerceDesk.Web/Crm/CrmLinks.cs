using CommerceDesk.Data;
using CommerceDesk.Web.Crm.Connectors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommerceDesk.Web.Crm;

/// <summary>Where a record's "CRM ID" link goes: our opportunity page (built-in) or the record in Salesforce.</summary>
public sealed class CrmLinks(IOptions<CrmOptions> options, SalesforceSession session, IDbContextFactory<CommerceDbContext> factory)
{
    /// <summary>Stored by the sync so every node links to the instance Salesforce named, even before it fetched a token itself.</summary>
    public const string InstanceUrlKey = "connector.salesforce.instanceUrl";

    // The instance another node stored; an instance moves rarely, and this node's own token (above) wins anyway.
    private string? _stored;

    public CrmConnectorKind Connector => options.Value.Connector;

    /// <summary>A function from CRM id to link for one page of rows (reads the Salesforce instance at most once).</summary>
    public async Task<Func<string?, string?>> ResolverAsync(CancellationToken cancellationToken)
    {
        if (Connector == CrmConnectorKind.BuiltIn) return id => id is { Length: > 0 } ? $"/opportunities/{Uri.EscapeDataString(id)}" : null;
        var instance = session.InstanceUrl ?? _stored;
        if (instance is null)
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            instance = _stored = await db.CrmSettings.Where(s => s.Key == InstanceUrlKey).Select(s => s.Value).FirstOrDefaultAsync(cancellationToken);
        }
        return id => id is { Length: > 0 } && instance is { Length: > 0 } ? $"{instance}/{Uri.EscapeDataString(id)}" : null;
    }
}
