using CommerceDesk.Domain.Common;

namespace CommerceDesk.Domain.Assignment;

/// <summary>
/// A group of back-office users that new e-commerce orders of a channel are shared out to, in turn (round robin).
/// The turn counter lives in the row and is advanced by one set-based UPDATE per order, so two nodes never hand out the
/// same turn; the members' order decides who a turn falls to.
/// </summary>
public sealed class SalesTeam : Entity, IVersioned
{
    public const int NameMaxLength = 100;
    public const int MaxMembers = 200;

    private readonly List<SalesTeamMember> _members = [];

    private SalesTeam() { }

    public SalesTeam(string name, IEnumerable<string> memberUserIds)
    {
        Rename(name);
        SetMembers(memberUserIds);
    }

    public string Name { get; private set; } = "";

    /// <summary>How many orders the team has been given: the next order takes turn <c>NextTurn</c>, counted from 0.</summary>
    public long NextTurn { get; private set; }

    public IReadOnlyList<SalesTeamMember> Members => _members;

    public int Version { get; private set; }

    public void Rename(string name) => Name = Guard.Required(name, "Team name", NameMaxLength);

    /// <summary>The members in the order turns go round; a user is a member once.</summary>
    public void SetMembers(IEnumerable<string> userIds)
    {
        var ids = userIds.Select(id => id.Trim()).Where(id => id.Length > 0).Distinct().ToList();
        if (ids.Count > MaxMembers) throw new DomainException($"A team can have at most {MaxMembers} members.");
        _members.RemoveAll(m => !ids.Contains(m.UserId));
        for (var i = 0; i < ids.Count; i++)
        {
            var member = _members.FirstOrDefault(m => m.UserId == ids[i]);
            if (member is null) _members.Add(new SalesTeamMember(ids[i], i));
            else member.MoveTo(i);
        }
    }

    /// <summary>
    /// Who turn <paramref name="turn"/> falls to among the members who can take orders, in the team's order; null when
    /// nobody can. A member who cannot (disabled) is passed over rather than left holding orders.
    /// </summary>
    public static string? TurnOf(long turn, IReadOnlyList<string> availableMembersInOrder) =>
        availableMembersInOrder.Count == 0 ? null : availableMembersInOrder[(int)(turn % availableMembersInOrder.Count)];
}

/// <summary>One user in a sales team, at a place in the round.</summary>
public sealed class SalesTeamMember
{
    private SalesTeamMember() { }

    internal SalesTeamMember(string userId, int position)
    {
        UserId = Guard.Required(userId, "User", AssigneeRules.UserIdMaxLength);
        Position = position;
    }

    public long TeamId { get; private set; }
    public string UserId { get; private set; } = "";
    public int Position { get; private set; }

    internal void MoveTo(int position) => Position = position;
}
