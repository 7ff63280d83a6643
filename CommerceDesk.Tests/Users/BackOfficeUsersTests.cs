using System.Net;
using CommerceDesk.Data.Identity;
using CommerceDesk.Tests.Support;
using CommerceDesk.Web.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceDesk.Tests.Users;

/// <summary>The users page's changes, made through its handler against the real app and checked over HTTP.</summary>
public abstract class BackOfficeUsersTests(CommerceDeskFactory factory)
{
    public sealed class OnSqlite(CommerceDeskFactory factory) : BackOfficeUsersTests(factory), IClassFixture<CommerceDeskFactory>;

    public sealed class OnPostgres(PostgresCommerceDeskFactory factory) : BackOfficeUsersTests(factory), IClassFixture<PostgresCommerceDeskFactory>;

    private const string Actor = BackOfficeSignIn.AdminEmail;

    private BackOfficeUsers Users => factory.Services.GetRequiredService<BackOfficeUsers>();

    [Fact]
    public async Task ANewUserSignsInWithTheOneTimePasswordShownOnce()
    {
        var email = NewEmail();

        var outcome = await Users.CreateAsync(Actor, email, "Mia Manager", Roles.Manager);

        outcome.Succeeded.ShouldBeTrue(outcome.Message);
        outcome.PasswordFor.ShouldBe(email);
        var password = outcome.OneTimePassword.ShouldNotBeNull();
        password.Length.ShouldBe(OneTimePassword.Length);
        var user = await RowAsync(email);
        (user.Role, user.IsActive, user.DisplayName, user.LastSignInAt).ShouldBe((Roles.Manager, true, "Mia Manager", null));
        await factory.SignedInAsync(email, password);
        (await RowAsync(email)).LastSignInAt.ShouldNotBeNull();
        await ShouldBeAuditedAsync(email, UserAuditAction.Created, Roles.Manager);
    }

    [Theory]
    [InlineData("not-an-e-mail", "Manager", "Enter a valid e-mail address.")]
    [InlineData("", "Manager", "Enter a valid e-mail address.")]
    [InlineData("someone@shop.example", "Owner", "Choose the role Admin or Manager.")]
    [InlineData(BackOfficeSignIn.ManagerEmail, "Manager", "A user manager@commercedesk.local already exists.")]
    public async Task ABadNewUserIsRefusedWithAReasonAndNothingIsSaved(string email, string role, string reason)
    {
        var before = await CountsAsync();

        var outcome = await Users.CreateAsync(Actor, email, "", role);

        outcome.Succeeded.ShouldBeFalse();
        outcome.Message.ShouldBe(reason);
        outcome.OneTimePassword.ShouldBeNull();
        (await CountsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task AResetPasswordEndsTheUsersSessionsAndOnlyTheNewPasswordWorks()
    {
        var (email, oldPassword) = await NewUserAsync(Roles.Manager);
        var session = await factory.SignedInAsync(email, oldPassword);

        var outcome = await Users.ResetPasswordAsync(Actor, (await RowAsync(email)).Id);

        outcome.Succeeded.ShouldBeTrue(outcome.Message);
        var newPassword = outcome.OneTimePassword.ShouldNotBeNull();
        newPassword.ShouldNotBe(oldPassword);
        await ShouldBeSentToSignInAsync(session);
        (await factory.CreateBrowserLikeClient().PostSignInAsync(email, oldPassword)).StatusCode.ShouldBe(HttpStatusCode.OK, "the old password is refused");
        await factory.SignedInAsync(email, newPassword);
        await ShouldBeAuditedAsync(email, UserAuditAction.PasswordReset, "New one-time password");
    }

    [Fact]
    public async Task ANewRoleEndsTheUsersSessionsAndAppliesAtTheNextSignIn()
    {
        var (email, password) = await NewUserAsync(Roles.Manager);
        var session = await factory.SignedInAsync(email, password);
        (await session.GetAsync("/settings")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var outcome = await Users.ChangeRoleAsync(Actor, (await RowAsync(email)).Id, Roles.Admin);

        outcome.Succeeded.ShouldBeTrue(outcome.Message);
        (await RowAsync(email)).Role.ShouldBe(Roles.Admin);
        await ShouldBeSentToSignInAsync(session);
        var again = await factory.SignedInAsync(email, password);
        (await again.GetAsync("/settings")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await ShouldBeAuditedAsync(email, UserAuditAction.RoleChanged, "Manager → Admin");
    }

    [Fact]
    public async Task ADisabledUserIsSignedOutAndRefusedUntilEnabledAgain()
    {
        var (email, password) = await NewUserAsync(Roles.Manager);
        var session = await factory.SignedInAsync(email, password);
        var id = (await RowAsync(email)).Id;

        var disabled = await Users.SetActiveAsync(Actor, id, active: false);

        disabled.Succeeded.ShouldBeTrue(disabled.Message);
        (await RowAsync(email)).IsActive.ShouldBeFalse();
        await ShouldBeSentToSignInAsync(session);
        var refused = await factory.CreateBrowserLikeClient().PostSignInAsync(email, password);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("This account is disabled");

        var enabled = await Users.SetActiveAsync(Actor, id, active: true);

        enabled.Succeeded.ShouldBeTrue(enabled.Message);
        await ShouldBeSentToSignInAsync(session); // the old cookie stays dead
        await factory.SignedInAsync(email, password);
        await ShouldBeAuditedAsync(email, UserAuditAction.Disabled, "");
        await ShouldBeAuditedAsync(email, UserAuditAction.Enabled, "");
    }

    [Fact]
    public async Task SignOutEverywhereEndsEverySessionButKeepsThePassword()
    {
        var (email, password) = await NewUserAsync(Roles.Manager);
        var office = await factory.SignedInAsync(email, password);
        var home = await factory.SignedInAsync(email, password);

        var outcome = await Users.SignOutEverywhereAsync(Actor, (await RowAsync(email)).Id);

        outcome.Succeeded.ShouldBeTrue(outcome.Message);
        await ShouldBeSentToSignInAsync(office);
        await ShouldBeSentToSignInAsync(home);
        await factory.SignedInAsync(email, password);
        await ShouldBeAuditedAsync(email, UserAuditAction.SignedOutEverywhere, "");
    }

    [Fact]
    public async Task AChangeToAUserThatIsGoneIsRefused()
    {
        var outcome = await Users.SignOutEverywhereAsync(Actor, "no-such-user");

        outcome.Succeeded.ShouldBeFalse();
        outcome.Message.ShouldBe("This user no longer exists. Reload the page.");
    }

    [Fact]
    public async Task TheUsersPageListsUsersAndChangesForAnAdmin()
    {
        var (email, _) = await NewUserAsync(Roles.Manager);
        var admin = await factory.SignedInAsync(BackOfficeSignIn.AdminEmail, BackOfficeSignIn.AdminPassword);

        var response = await admin.GetAsync("/settings/users");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain(email);
        html.ShouldContain(BackOfficeSignIn.ManagerEmail);
        html.ShouldContain("Created as manager");
    }

    private static string NewEmail() => $"user-{Guid.NewGuid():N}"[..16] + "@shop.example";

    private async Task<(string Email, string Password)> NewUserAsync(string role)
    {
        var email = NewEmail();
        var outcome = await Users.CreateAsync(Actor, email, "", role);
        outcome.Succeeded.ShouldBeTrue(outcome.Message);
        return (email, outcome.OneTimePassword!);
    }

    private async Task<BackOfficeUserRow> RowAsync(string email) =>
        (await Users.ListAsync(CancellationToken.None)).Single(u => u.Email == email);

    private async Task<(int Users, int Audit)> CountsAsync()
    {
        await using var db = factory.CreateDbContext();
        return (await db.Users.CountAsync(), await db.Set<UserAuditEntry>().CountAsync());
    }

    private async Task ShouldBeAuditedAsync(string email, UserAuditAction action, string detail)
    {
        var entries = (await Users.AuditAsync(CancellationToken.None)).Where(e => e.UserEmail == email && e.Action == action).ToList();
        entries.Count.ShouldBe(1);
        (entries[0].ActorEmail, entries[0].Detail).ShouldBe((Actor, detail));
    }

    private static async Task ShouldBeSentToSignInAsync(HttpClient session)
    {
        var response = await session.GetAsync("/customers");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/account/login");
    }
}
