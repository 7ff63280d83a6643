using Bunit;
using CommerceDesk.Domain.Channels;
using CommerceDesk.Web.Assignment;
using CommerceDesk.Web.Channels;
using CommerceDesk.Web.Email.Channels;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CommerceDesk.Tests.Components;

/// <summary>The /settings/channels page: new channels, keys shown once, revocation only after confirmation.</summary>
public sealed class ChannelSettingsPageTests : MudComponentContext
{
    public ChannelSettingsPageTests()
    {
        Services.AddStorefrontChannels();
        Services.AddTransient<ChannelReminderSettings>();
        Services.AddAssignment();
        CommerceDesk.Web.Webhooks.WebhooksSetup.AddStatusWebhooks(Services);
    }

    [Fact]
    public async Task AnIssuedKeyIsShownOnceAndOnlyItsHashIsStored()
    {
        await AddChannelAsync("web");
        var cut = RenderPage();

        cut.Find("#key-label-web").Change("Magento production");
        cut.Find("[data-testid=channel-web] form").Submit();

        var plainKey = cut.WaitForElement("[data-testid=plain-key]").TextContent;
        cut.Find("[data-testid=issued-key]").TextContent.ShouldContain("cannot be shown again");
        await using (var db = CreateDbContext())
            (await db.ChannelApiKeys.SingleAsync()).Hash.ShouldBe(ChannelApiKey.HashOf(plainKey));
        var row = cut.Find("[data-testid=channel-web] tbody tr");
        row.TextContent.ShouldContain("Magento production");
        row.TextContent.ShouldContain("Active");

        cut.Find("[data-testid=dismiss-key]").Click();

        cut.FindAll("[data-testid=plain-key]").ShouldBeEmpty();
        cut.Markup.ShouldNotContain(plainKey);
        // Opening the page again (a new circuit) shows the label only.
        await DisposeComponentsAsync();
        var reopened = RenderPage();
        reopened.Find("[data-testid=channel-web] tbody tr").TextContent.ShouldContain("Magento production");
        reopened.Markup.ShouldNotContain(plainKey);
        reopened.Markup.ShouldNotContain(ChannelApiKey.HashOf(plainKey));
    }

    [Fact]
    public async Task RevokingAsksForConfirmationAndCancellingKeepsTheKey()
    {
        await AddChannelAsync("web", "Production key");
        var cut = RenderPage();

        cut.Find("[data-testid=revoke-key]").Click();
        cut.WaitForAssertion(() => cut.Find(".mud-dialog").TextContent.ShouldContain("Storefront calls with the key \"Production key\" of Web shop are refused from now on."));
        DialogButton(cut, "Cancel").Click();

        cut.WaitForAssertion(() => cut.FindAll(".mud-dialog").ShouldBeEmpty());
        await using (var db = CreateDbContext())
            (await db.ChannelApiKeys.SingleAsync()).RevokedAt.ShouldBeNull();
        cut.Find("[data-testid=key-status]").TextContent.Trim().ShouldBe("Active");

        cut.Find("[data-testid=revoke-key]").Click();
        cut.WaitForAssertion(() => cut.Find(".mud-dialog"));
        DialogButton(cut, "Revoke").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=key-status]").TextContent.Trim().ShouldStartWith("Revoked "));
        cut.FindAll("[data-testid=revoke-key]").ShouldBeEmpty();
        cut.Find("[data-testid=key-notice]").TextContent.ShouldContain("The key \"Production key\" is revoked.");
        await using var check = CreateDbContext();
        (await check.ChannelApiKeys.SingleAsync()).RevokedAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task TheNewChannelFormShowsEachErrorOnItsFieldAndThenCreatesTheChannel()
    {
        await AddChannelAsync("web");
        var cut = RenderPage();

        cut.Find("[data-testid=new-channel]").Click();
        cut.Find("#new-channel-code").Change("web");
        cut.Find("#new-channel-time-zone").Change("Atlantis/Capital");
        cut.Find("[data-testid=new-channel-form] form").Submit();

        cut.WaitForAssertion(() => cut.Find("[data-testid=new-channel-form]").TextContent.ShouldContain("A channel with code web already exists."));
        var form = cut.Find("[data-testid=new-channel-form]").TextContent;
        form.ShouldContain("Enter the storefront's name.");
        form.ShouldContain("'Atlantis/Capital' is not a known time zone");
        await using (var db = CreateDbContext())
            (await db.Channels.CountAsync()).ShouldBe(1);

        cut.Find("#new-channel-code").Change("outlet-de");
        cut.Find("#new-channel-name").Change("Outlet <Germany>");
        cut.Find("#new-channel-time-zone").Change("Europe/Berlin");
        cut.Find("[data-testid=new-channel-form] form").Submit();

        cut.WaitForAssertion(() => cut.Find("[data-testid=channel-notice]").TextContent.ShouldContain("Channel outlet-de created."));
        cut.FindAll("[data-testid=new-channel-form]").ShouldBeEmpty();
        var channel = cut.Find("[data-testid=channel-outlet-de]");
        channel.QuerySelector("h2")!.TextContent.ShouldContain("Outlet <Germany>");
        cut.Markup.ShouldContain("Outlet &lt;Germany&gt;");
        channel.QuerySelector("[data-testid=no-keys]").ShouldNotBeNull();
    }

    private IRenderedComponent<IComponent> RenderPage()
    {
        var cut = Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<MudDialogProvider>(1);
            builder.CloseComponent();
            builder.OpenComponent<ChannelSettingsPage>(2);
            builder.CloseComponent();
        });
        cut.WaitForElement("[data-testid^=channel-]");
        return cut;
    }

    private static AngleSharp.Dom.IElement DialogButton(IRenderedComponent<IComponent> cut, string text) =>
        cut.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == text);

    [Fact]
    public async Task AStaffAddressIsSavedLowerCasedAndANonAddressIsRefusedWithNothingChanged()
    {
        await AddChannelAsync("web");
        var cut = RenderPage();

        cut.Find("#channel-1-staff-email").Change("not an address");
        cut.Find("[data-testid=channel-staff-email-1] [data-testid=save-staff-email]").Click();
        cut.WaitForAssertion(() => cut.Find("[data-testid=channel-staff-email-1] [role=alert]").TextContent.ShouldContain("is not an e-mail address"));
        await using (var db = CreateDbContext()) (await db.Channels.SingleAsync()).StaffEmail.ShouldBeNull();

        cut.Find("#channel-1-staff-email").Change("Outlet@Shop.Example.com");
        cut.Find("[data-testid=channel-staff-email-1] [data-testid=save-staff-email]").Click();
        cut.WaitForAssertion(() => cut.Find("[data-testid=channel-staff-email-1] [role=status]").TextContent.ShouldContain("outlet@shop.example.com"));
        await using (var db = CreateDbContext()) (await db.Channels.SingleAsync()).StaffEmail.ShouldBe("outlet@shop.example.com");
    }

    private async Task AddChannelAsync(string code, string? keyLabel = null)
    {
        await using var db = CreateDbContext();
        var channel = new Channel(code, "Web shop", "EUR");
        if (keyLabel is not null) channel.AddApiKey(ChannelApiKey.Generate(), keyLabel, DateTime.UtcNow);
        db.Channels.Add(channel);
        await db.SaveChangesAsync();
    }
}
