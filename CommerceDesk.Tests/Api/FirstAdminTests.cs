using CommerceDesk.Data;
using CommerceDesk.Data.Identity;
using CommerceDesk.Tests.Support;
using CommerceDesk.Web.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceDesk.Tests.Api;

/// <summary>The app outside Development: no users, no default passwords.</summary>
public class ProductionFactory : CommerceDeskFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
        // Production insists on a real secret for the e-mail resume links (no Development default there).
        builder.UseSetting("Email:ResumeLinkKey", "first-admin-tests-resume-link-key");
    }
}

/// <summary>The same outside Development on PostgreSQL.</summary>
public sealed class PostgresProductionFactory : ProductionFactory
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;
}

public abstract class FirstAdminTests(ProductionFactory factory)
{
    public sealed class OnSqlite(ProductionFactory factory) : FirstAdminTests(factory), IClassFixture<ProductionFactory>;

    public sealed class OnPostgres(PostgresProductionFactory factory) : FirstAdminTests(factory), IClassFixture<PostgresProductionFactory>;

    [Fact]
    public async Task OutsideDevelopmentNobodyIsSeededAndTheFirstAdminIsCreatedOnRequest()
    {
        await using (var db = factory.CreateDbContext())
            (await db.Users.CountAsync()).ShouldBe(0);

        await using var scope = factory.Services.CreateAsyncScope();
        var command = scope.ServiceProvider.GetRequiredService<AdminAccountCommand>();

        var weak = await command.EnsureUserAsync("owner@shop.example", "short", "Owner", Roles.Admin);
        weak.Result.ShouldBe(UserCreationResult.Rejected);
        weak.Errors.ShouldNotBeEmpty();
        (await command.EnsureUserAsync("owner@shop.example", "Str0ng-Passw0rd", "Owner", Roles.Admin)).Result.ShouldBe(UserCreationResult.Created);
        (await command.EnsureUserAsync("owner@shop.example", "Other-Passw0rd", "Owner", Roles.Admin)).Result.ShouldBe(UserCreationResult.AlreadyExists);

        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var owner = await users.FindByEmailAsync("owner@shop.example");
        owner.ShouldNotBeNull();
        (await users.IsInRoleAsync(owner, Roles.Admin)).ShouldBeTrue();
        (await users.CheckPasswordAsync(owner, "Str0ng-Passw0rd")).ShouldBeTrue();
    }
}
