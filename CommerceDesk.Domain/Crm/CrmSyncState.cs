namespace CommerceDesk.Domain.Crm;

public enum CrmSyncStatus { NotSynced, Pending, Synced, Failed }

/// <summary>Where a cart or order stands with the CRM: shown in the grids' "CRM sync" column.</summary>
public sealed record CrmSyncState(CrmSyncStatus Status, string? ExternalId = null, string? LastError = null, DateTime? SyncedAt = null)
{
    public const int ExternalIdMaxLength = 64;
    public const int ErrorMaxLength = 1000;

    public static CrmSyncState NotSynced { get; } = new(CrmSyncStatus.NotSynced);
}
