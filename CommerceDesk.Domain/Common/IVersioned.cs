namespace CommerceDesk.Domain.Common;

/// <summary>
/// Rows that managers and jobs change concurrently carry a version number; the data layer bumps it on
/// every save and checks it in the UPDATE, so two writers of the same version cannot both win.
/// </summary>
public interface IVersioned
{
    int Version { get; }
}
