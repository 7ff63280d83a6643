namespace CommerceDesk.Domain.Email;

public enum OutboxStatus { Pending, Sending, Sent, Failed }
