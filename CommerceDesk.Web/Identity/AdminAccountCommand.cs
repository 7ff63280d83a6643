using CommerceDesk.Data.Identity;
using CommerceDesk.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace CommerceDesk.Web.Identity;

/// <summary>Creates back-office users: the Development seed and the <c>create-admin</c> command line.</summary>
internal sealed class AdminAccountCommand(UserManager<ApplicationUser> users, RoleManager<IdentityRole> roles)
{
    /// <summary>Creates the user with the role unless a user with that e-mail exists (then nothing changes).</summary>
    public async Task<UserCreation> EnsureUserAsync(string email, string password, string displayName, string role)
    {
        foreach (var name in Roles.All)
            if (!await roles.RoleExistsAsync(name))
                await roles.CreateAsync(new IdentityRole(name));

        if (await users.FindByEmailAsync(email) is not null) return new UserCreation(UserCreationResult.AlreadyExists, []);
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded) return new UserCreation(UserCreationResult.Rejected, created.Errors.Select(e => e.Description).ToList());
        var added = await users.AddToRoleAsync(user, role);
        return added.Succeeded
            ? new UserCreation(UserCreationResult.Created, [])
            : new UserCreation(UserCreationResult.Rejected, added.Errors.Select(e => e.Description).ToList());
    }
}

internal enum UserCreationResult { Created, AlreadyExists, Rejected }

internal sealed record UserCreation(UserCreationResult Result, IReadOnlyList<string> Errors);

internal static class AdminCommandLine
{
    /// <summary>
    /// <c>dotnet run --project CommerceDesk.Web -- create-admin &lt;email&gt; &lt;password&gt;</c>: creates the first
    /// admin outside Development (where nobody is seeded) and exits. Returns false when the switch is absent.
    /// </summary>
    public static async Task<bool> RunAdminCommandAsync(this WebApplication app, string[] args)
    {
        if (args.Length == 0 || args[0] != "create-admin") return false;
        if (args.Length != 3)
        {
            Console.Error.WriteLine("usage: create-admin <email> <password>");
            Environment.ExitCode = 2;
            return true;
        }

        await app.MigrateAndSeedAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var command = scope.ServiceProvider.GetRequiredService<AdminAccountCommand>();
        var outcome = await command.EnsureUserAsync(args[1], args[2], args[1], Roles.Admin);
        switch (outcome.Result)
        {
            case UserCreationResult.Created:
                Console.WriteLine($"Admin {args[1]} created; sign in at /account/login.");
                break;
            case UserCreationResult.AlreadyExists:
                Console.WriteLine($"A user {args[1]} already exists; nothing was changed.");
                break;
            default:
                foreach (var error in outcome.Errors) Console.Error.WriteLine(error);
                Console.Error.WriteLine("The admin was not created.");
                Environment.ExitCode = 1;
                break;
        }
        return true;
    }
}
