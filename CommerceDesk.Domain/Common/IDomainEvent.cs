namespace CommerceDesk.Domain.Common;

/// <summary>Something that happened to an aggregate; dispatched after the change is saved.</summary>
public interface IDomainEvent;
