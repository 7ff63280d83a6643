namespace CommerceDesk.Web.Crm;

public enum CrmConnectorKind { BuiltIn, Salesforce }

/// <summary>Configuration <c>Crm:*</c>: which CRM the opportunities go to, and how to reach Salesforce.</summary>
public sealed class CrmOptions
{
    public const string Section = "Crm";

    public CrmConnectorKind Connector { get; set; } = CrmConnectorKind.BuiltIn;

    /// <summary>Most records one sync call sends (Salesforce's sObject Collections take at most 200).</summary>
    public int BatchSize { get; set; } = 200;

    /// <summary>Most records one run of the sync job handles, so a backlog is worked off over several minutes.</summary>
    public int RunLimit { get; set; } = 2000;

    public SalesforceOptions Salesforce { get; set; } = new();
}

public sealed class SalesforceOptions
{
    public string LoginUrl { get; set; } = "https://login.salesforce.com";
    public string ClientId { get; set; } = "";
    /// <summary>Never shown or logged.</summary>
    public string ClientSecret { get; set; } = "";
    public string ApiVersion { get; set; } = "62.0";
    public string ExternalIdField { get; set; } = "CommerceDesk_Id__c";
    public int TimeoutSeconds { get; set; } = 30;
}
