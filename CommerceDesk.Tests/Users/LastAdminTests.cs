using CommerceDesk.Data.Identity;
using CommerceDesk.Tests.Support;
using CommerceDesk.Web.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceDesk.Tests.Users;

/// <summary>On its own database: the Development admin starts as the only admin.</summary>
public abstract class LastAdminTests(CommerceDeskFactory factory)
{
    public sealed class OnSqlite(CommerceDeskFactory factory) : LastAdminTests(factory), IClassFixture<CommerceDeskFactory>;

    public sealed class OnPostgres(PostgresCommerceDeskFactory factory) : LastAdminTests(factory), IClassFixture<PostgresCommerceDeskFactory>;

    private const string Actor = BackOfficeSignIn.AdminEmail;
    private const string Refusal = "is the last active admin. Make another user an admin first, so someone can still manage users and settings.";

    [Fact]
    public async Task TheLastActiveAdminCannotBeDisabledOrDemotedAndAnotherAdminLiftsTheRule()
    {
        var users = factory.Services.GetRequiredService<BackOfficeUsers>();
        var admin = await RowAsync(users, BackOfficeSignIn.AdminEmail);

        var disable = await users.SetActiveAsync(Actor, admin.Id, active: false);
        var demote = await users.ChangeRoleAsync(Actor, admin.Id, Roles.Manager);

        disable.Succeeded.ShouldBeFalse();
        disable.Message.ShouldBe($"{BackOfficeSignIn.AdminEmail} {Refusal}");
        demote.Succeeded.ShouldBeFalse();
        demote.Message.ShouldBe($"{BackOfficeSignIn.AdminEmail} {Refusal}");
        (await RowAsync(users, BackOfficeSignIn.AdminEmail)).ShouldBe(admin);
        await using (var db = factory.CreateDbContext())
            (await db.Set<UserAuditEntry>().CountAsync()).ShouldBe(0);

        var second = await users.CreateAsync(Actor, "second-admin@shop.example", "", Roles.Admin);
        second.Succeeded.ShouldBeTrue(second.Message);
        (await users.SetActiveAsync(Actor, admin.Id, active: false)).Succeeded.ShouldBeTrue();

        var secondId = (await RowAsync(users, "second-admin@shop.example")).Id;
        var demoteSecond = await users.ChangeRoleAsync("second-admin@shop.example", secondId, Roles.Manager);
        demoteSecond.Succeeded.ShouldBeFalse();
        demoteSecond.Message.ShouldBe($"second-admin@shop.example {Refusal}");
        (await users.SetActiveAsync("second-admin@shop.example", admin.Id, active: true)).Succeeded.ShouldBeTrue();
        (await users.ChangeRoleAsync(Actor, secondId, Roles.Manager)).Succeeded.ShouldBeTrue("two active admins again");
    }

    private static async Task<BackOfficeUserRow> RowAsync(BackOfficeUsers users, string email) =>
        (await users.ListAsync(CancellationToken.None)).Single(u => u.Email == email);
}
