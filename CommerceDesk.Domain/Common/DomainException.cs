namespace CommerceDesk.Domain.Common;

/// <summary>A business rule was broken. The message is written for a manager to read.</summary>
public class DomainException(string message) : Exception(message);
