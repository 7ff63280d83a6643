namespace CommerceDesk.Domain.Crm;

public enum CrmSyncStatus { NotSynced, Pending, Synced, Failed }

/// <summary>
/// Where a cart or order stands with the CRM: shown in the grids' "CRM sync" column and on the sync queue.
/// A pending or failed record is due at <see cref="NextAttemptAt"/>; <see cref="ClaimToken"/> marks the sync run
/// working on it (a change in between clears it, so that run's result is not written and the record syncs again).
/// </summary>
public sealed record CrmSyncState(
    CrmSyncStatus Status,
    string? ExternalId = null,
    string? LastError = null,
    DateTime? SyncedAt = null,
    int Attempts = 0,
    DateTime? LastAttemptAt = null,
    DateTime? NextAttemptAt = null,
    Guid? ClaimToken = null)
{
    public const int ExternalIdMaxLength = 64;
    public const int ErrorMaxLength = 1000;

    /// <summary>Longest wait between two attempts of a failing record.</summary>
    public static readonly TimeSpan MaxBackOff = TimeSpan.FromHours(1);

    public static CrmSyncState NotSynced { get; } = new(CrmSyncStatus.NotSynced);

    /// <summary>A synced change (or a manager's "Sync with CRM"): due now, attempts start again, any run's claim is void.</summary>
    public CrmSyncState MarkPending(DateTime now) =>
        this with { Status = CrmSyncStatus.Pending, Attempts = 0, NextAttemptAt = now, ClaimToken = null };

    public CrmSyncState Succeeded(string? externalId, DateTime now) =>
        this with
        {
            Status = CrmSyncStatus.Synced, ExternalId = externalId ?? ExternalId, LastError = null, SyncedAt = now,
            LastAttemptAt = now, NextAttemptAt = null, ClaimToken = null,
        };

    /// <summary>Failed after <paramref name="attempts"/> attempts: retried after 1, 2, 4 … minutes, at most an hour.</summary>
    public CrmSyncState Failed(string error, int attempts, DateTime now) =>
        this with
        {
            Status = CrmSyncStatus.Failed, LastError = Truncate(error), Attempts = attempts, LastAttemptAt = now,
            NextAttemptAt = now + BackOff(attempts), ClaimToken = null,
        };

    public static TimeSpan BackOff(int attempts)
    {
        var exponent = Math.Clamp(attempts - 1, 0, 10);
        var wait = TimeSpan.FromMinutes(Math.Pow(2, exponent));
        return wait > MaxBackOff ? MaxBackOff : wait;
    }

    public static string Truncate(string error) => error.Length <= ErrorMaxLength ? error : error[..(ErrorMaxLength - 1)] + "…";
}
