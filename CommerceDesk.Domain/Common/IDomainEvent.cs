namespace CommerceDesk.Domain.Common;

/// <summary>
/// Something that happened to an aggregate. Its handlers run inside the save that persists it (same context and
/// transaction); open pages hear of it once that save has committed.
/// </summary>
public interface IDomainEvent;
