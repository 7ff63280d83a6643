using System.Collections.Immutable;

namespace CommerceDesk.Web.Notifications;

public enum NotificationLevel { Info, Success, Warning, Error }

/// <summary>A message for the manager, shown once as a snackbar.</summary>
public sealed record Notification(Guid Id, string Message, NotificationLevel Level, string? Href = null)
{
    public static Notification Info(string message, string? href = null) => new(Guid.NewGuid(), message, NotificationLevel.Info, href);

    public static Notification Success(string message) => new(Guid.NewGuid(), message, NotificationLevel.Success);

    public static Notification Error(string message) => new(Guid.NewGuid(), message, NotificationLevel.Error);
}

/// <summary>Notifications waiting to be shown, oldest first.</summary>
public sealed record NotificationsState(ImmutableList<Notification> Pending)
{
    /// <summary>A burst of events must not bury the screen; older unseen messages are dropped first.</summary>
    public const int MaxPending = 5;

    public static NotificationsState Initial { get; } = new([]);
}

public sealed record Notify(Notification Notification);

public sealed record NotificationShown(Guid Id);

public static class NotificationsReducers
{
    public static NotificationsState Notify(NotificationsState state, Notify action)
    {
        var pending = state.Pending.Add(action.Notification);
        return new NotificationsState(pending.Count > NotificationsState.MaxPending
            ? pending.RemoveRange(0, pending.Count - NotificationsState.MaxPending)
            : pending);
    }

    public static NotificationsState Shown(NotificationsState state, NotificationShown action) =>
        state.Pending.FindIndex(n => n.Id == action.Id) is var index and >= 0
            ? new NotificationsState(state.Pending.RemoveAt(index))
            : state;
}
