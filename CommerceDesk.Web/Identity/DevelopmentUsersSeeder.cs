using CommerceDesk.Data.Identity;
using CommerceDesk.Web.Infrastructure;

namespace CommerceDesk.Web.Identity;

/// <summary>Development only: the two documented users (DESIGN §1). Idempotent across restarts.</summary>
internal sealed class DevelopmentUsersSeeder(AdminAccountCommand accounts) : IStartupSeeder
{
    public const string AdminEmail = "admin@commercedesk.local";
    public const string AdminPassword = "Admin123!";
    public const string ManagerEmail = "manager@commercedesk.local";
    public const string ManagerPassword = "Manager123!";

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await accounts.EnsureUserAsync(AdminEmail, AdminPassword, "Ada Admin", Roles.Admin);
        await accounts.EnsureUserAsync(ManagerEmail, ManagerPassword, "Max Manager", Roles.Manager);
    }
}
