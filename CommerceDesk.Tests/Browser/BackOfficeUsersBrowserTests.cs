using CommerceDesk.Tests.Support;
using Microsoft.Playwright;

namespace CommerceDesk.Tests.Browser;

/// <summary>Settings › Users in Chromium: a new user with a one-time password, and disabling ends their open page.</summary>
[Collection(WholeAppCollection.Name)]
public sealed class BackOfficeUsersBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task AnAdminCreatesAUserWhoseOpenPageEndsWhenTheAdminDisablesThem()
    {
        var admin = await app.SignedInPageAsync(BackOfficeSignIn.AdminEmail, BackOfficeSignIn.AdminPassword, "/settings/users");
        // Loaded again with a listener: the Content-Security-Policy must block nothing the page needs.
        var blocked = new List<string>();
        admin.Console += (_, message) => { if (message.Text.Contains("Content Security Policy")) blocked.Add(message.Text); };
        await admin.GotoAsync("/settings/users");
        await BrowserApp.WaitForCircuitAsync(admin);
        await Assertions.Expect(admin.Locator("h1")).ToHaveTextAsync("Users");

        await admin.ClickAsync("[data-testid=new-user]");
        await admin.FillAsync("#new-user-email", "nora@shop.example");
        await admin.FillAsync("#new-user-name", "Nora Nilsson");
        await admin.ClickAsync("[data-testid=create-user]");
        var password = (await admin.Locator("[data-testid=plain-password]").TextContentAsync())!.Trim();
        var row = admin.Locator("[data-testid='user-nora@shop.example']");
        await Assertions.Expect(row.Locator("[data-testid=user-role]")).ToHaveTextAsync("Manager");
        await Assertions.Expect(admin.Locator("[data-testid=user-audit]")).ToContainTextAsync("Created as manager");
        await app.AssertAccessibleAsync(admin, "users-created");

        var nora = await app.SignedInPageAsync("nora@shop.example", password, "/customers");
        await Assertions.Expect(nora.Locator("h1")).ToHaveTextAsync("Customers");

        await row.Locator("[data-testid=disable-user]").ClickAsync();
        var dialog = admin.Locator(".mud-dialog");
        await Assertions.Expect(dialog).ToContainTextAsync("signed out everywhere at once");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Disable" }).ClickAsync();
        await Assertions.Expect(row.Locator("[data-testid=user-status]")).ToHaveTextAsync("Disabled");

        // Nora's page was open all along: it goes to the sign-in page without her doing anything.
        await BrowserApp.ExpectPathAsync(nora, "/account/login", query: true);
        await Assertions.Expect(admin.Locator("[data-testid=user-audit]")).ToContainTextAsync("Disabled");
        await app.AssertAccessibleAsync(admin, "users-disabled");
        blocked.ShouldBeEmpty();
    }
}
