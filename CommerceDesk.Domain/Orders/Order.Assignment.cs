using CommerceDesk.Domain.Assignment;
using CommerceDesk.Domain.Common;

namespace CommerceDesk.Domain.Orders;

public sealed partial class Order
{
    /// <summary>The back-office user who looks after the order; null while nobody does.</summary>
    public string? AssigneeId { get; private set; }

    /// <summary>Hands the order to a user (or to nobody); returns false when it already sat with them.</summary>
    public bool AssignTo(string? userId)
    {
        var assignee = Guard.Optional(userId, "Assignee", AssigneeRules.UserIdMaxLength);
        if (assignee == AssigneeId) return false;
        AssigneeId = assignee;
        return true;
    }
}
