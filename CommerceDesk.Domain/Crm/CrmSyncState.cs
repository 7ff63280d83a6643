using CommerceDesk.Domain.Common;

namespace CommerceDesk.Domain.Crm;

public enum CrmSyncStatus { NotSynced, Pending, Synced, Failed }

/// <summary>
/// Where a cart or order stands with the CRM: shown in the grids' "CRM sync" column and on the sync queue.
/// A pending or failed record also has a <see cref="CrmSyncQueueEntry"/>, which the sync job claims.
/// </summary>
public sealed record CrmSyncState(
    CrmSyncStatus Status,
    string? ExternalId = null,
    string? LastError = null,
    DateTime? SyncedAt = null,
    int Attempts = 0,
    DateTime? LastAttemptAt = null,
    DateTime? NextAttemptAt = null)
{
    public const int ExternalIdMaxLength = 64;
    public const int ErrorMaxLength = 1000;

    /// <summary>Longest wait between two attempts of a failing record.</summary>
    public static readonly TimeSpan MaxBackOff = TimeSpan.FromHours(1);

    public static CrmSyncState NotSynced { get; } = new(CrmSyncStatus.NotSynced);

    /// <summary>A synced change (or a manager's "Sync with CRM"): due now, attempts start again.</summary>
    public CrmSyncState MarkPending(DateTime now) =>
        this with { Status = CrmSyncStatus.Pending, Attempts = 0, NextAttemptAt = now };

    public CrmSyncState Succeeded(string? externalId, DateTime now) =>
        this with
        {
            Status = CrmSyncStatus.Synced, ExternalId = externalId ?? ExternalId, LastError = null, SyncedAt = now,
            LastAttemptAt = now, NextAttemptAt = null,
        };

    /// <summary>Failed after <paramref name="attempts"/> attempts: retried after 1, 2, 4 … minutes, at most an hour.</summary>
    public CrmSyncState Failed(string error, int attempts, DateTime now) =>
        this with
        {
            Status = CrmSyncStatus.Failed, LastError = Truncate(error), Attempts = attempts, LastAttemptAt = now,
            NextAttemptAt = now + BackOff(attempts),
        };

    public static TimeSpan BackOff(int attempts) => RetryBackOff.After(attempts, TimeSpan.FromMinutes(1), MaxBackOff);

    public static string Truncate(string error) => error.Length <= ErrorMaxLength ? error : error[..(ErrorMaxLength - 1)] + "…";
}
