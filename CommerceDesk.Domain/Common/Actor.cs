namespace CommerceDesk.Domain.Common;

/// <summary>Who did something: a back-office user, or the system itself (jobs, storefront pushes).</summary>
public sealed record Actor(string UserId, string Name)
{
    public const int NameMaxLength = 256;
    public const int UserIdMaxLength = 450;

    public static Actor System { get; } = new("system", "CommerceDesk");
}
