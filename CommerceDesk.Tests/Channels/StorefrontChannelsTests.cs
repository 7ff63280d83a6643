using CommerceDesk.Data;
using CommerceDesk.Domain.Channels;
using CommerceDesk.Tests.Email;
using CommerceDesk.Tests.Support;
using CommerceDesk.Web.Channels;
using CommerceDesk.Web.Storefront.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Time.Testing;
using Draft = CommerceDesk.Web.Channels.StorefrontChannels.ChannelDraft;

namespace CommerceDesk.Tests.Channels;

/// <summary>The channel settings handler on a real SQLite file: creating channels, issuing and revoking keys.</summary>
public abstract class StorefrontChannelsTests(DatabaseProvider provider) : IAsyncLifetime
{
    public sealed class OnSqlite() : StorefrontChannelsTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : StorefrontChannelsTests(DatabaseProvider.Postgres);

    private static readonly DateTimeOffset Start = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    private string _path = "";
    private FileContextFactory _factory = null!;
    private readonly FakeTimeProvider _time = new(Start);
    private StorefrontChannels _channels = null!;

    public async Task InitializeAsync()
    {
        _path = await TestDatabase.CreateAsync(provider);
        _factory = new FileContextFactory(_path);
        _channels = new StorefrontChannels(_factory, _time, new ChannelKeyResolver(_factory, new MemoryCache(new MemoryCacheOptions())));
    }

    public Task DisposeAsync()
    {
        TestDatabase.Delete(_path);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task ANewChannelIsSavedWithItsSettingsAndNoKey()
    {
        var outcome = await _channels.CreateAsync(new Draft { Code = " outlet-de ", Name = "Outlet Germany", Currency = "eur", TimeZone = "Europe/Berlin" }, CancellationToken.None);

        outcome.Errors.ShouldBeEmpty();
        outcome.Created.ShouldBeTrue();
        var row = (await _channels.ListAsync(CancellationToken.None)).ShouldHaveSingleItem();
        (row.Id, row.Code, row.Name, row.Currency, row.TimeZone).ShouldBe((outcome.ChannelId!.Value, "outlet-de", "Outlet Germany", "EUR", "Europe/Berlin"));
        row.Keys.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("", "Shop", "EUR", "UTC", "Code", "Enter a code, e.g. web or outlet-de.")]
    [InlineData("Outlet", "Shop", "EUR", "UTC", "Code", "Use only lowercase letters, digits and dashes (not at the start or end), e.g. outlet-de: the code is part of the API URL.")]
    [InlineData("out let", "Shop", "EUR", "UTC", "Code", "Use only lowercase letters, digits and dashes (not at the start or end), e.g. outlet-de: the code is part of the API URL.")]
    [InlineData("-web", "Shop", "EUR", "UTC", "Code", "Use only lowercase letters, digits and dashes (not at the start or end), e.g. outlet-de: the code is part of the API URL.")]
    [InlineData("web", " ", "EUR", "UTC", "Name", "Enter the storefront's name.")]
    [InlineData("web", "Shop", "", "UTC", "Currency", "Choose the storefront's currency.")]
    [InlineData("web", "Shop", "XYZ", "UTC", "Currency", "Currency 'XYZ' is not a known ISO 4217 currency.")]
    [InlineData("web", "Shop", "EUR", "", "TimeZone", "Enter a time zone, e.g. Europe/Berlin or UTC.")]
    [InlineData("web", "Shop", "EUR", "Mars/Olympus_Mons", "TimeZone", "'Mars/Olympus_Mons' is not a known time zone; use an IANA name such as Europe/Berlin.")]
    public async Task EachInvalidFieldGetsItsMessageAndNothingIsSaved(string code, string name, string currency, string timeZone, string field, string message)
    {
        var outcome = await _channels.CreateAsync(new Draft { Code = code, Name = name, Currency = currency, TimeZone = timeZone }, CancellationToken.None);

        outcome.Created.ShouldBeFalse();
        outcome.Errors.ShouldBe(new Dictionary<string, string> { [field] = message });
        await using var db = _factory.CreateDbContext();
        (await db.Channels.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task ATooLongCodeIsRefused()
    {
        var outcome = await _channels.CreateAsync(new Draft { Code = new string('a', Channel.CodeMaxLength + 1), Name = "Shop" }, CancellationToken.None);

        outcome.Errors["Code"].ShouldBe($"The code can have at most {Channel.CodeMaxLength} characters.");
    }

    [Fact]
    public async Task ASecondChannelWithTheSameCodeIsRefusedAndTheFirstStaysAsItWas()
    {
        (await _channels.CreateAsync(new Draft { Code = "web", Name = "Web shop" }, CancellationToken.None)).Created.ShouldBeTrue();

        var duplicate = await _channels.CreateAsync(new Draft { Code = "web", Name = "Another shop", Currency = "USD" }, CancellationToken.None);

        duplicate.Errors.ShouldBe(new Dictionary<string, string> { ["Code"] = "A channel with code web already exists." });
        var only = (await _channels.ListAsync(CancellationToken.None)).ShouldHaveSingleItem();
        (only.Name, only.Currency).ShouldBe(("Web shop", "EUR"));
    }

    [Fact]
    public async Task IssuingAKeyStoresOnlyItsHashAndListsItsLabelAsActive()
    {
        var channelId = (await _channels.CreateAsync(new Draft { Code = "web", Name = "Web shop" }, CancellationToken.None)).ChannelId!.Value;

        var issued = await _channels.IssueKeyAsync(channelId, " Magento production ", CancellationToken.None);

        issued.Error.ShouldBeNull();
        issued.PlainKey.ShouldNotBeNull().Length.ShouldBeGreaterThanOrEqualTo(ChannelApiKey.MinimumKeyLength);
        await using (var db = _factory.CreateDbContext())
        {
            var stored = await db.ChannelApiKeys.SingleAsync();
            stored.Hash.ShouldBe(ChannelApiKey.HashOf(issued.PlainKey));
            stored.Hash.ShouldNotContain(issued.PlainKey);
            stored.Label.ShouldBe("Magento production");
        }
        var key = (await _channels.ListAsync(CancellationToken.None)).Single().Keys.ShouldHaveSingleItem();
        (key.Label, key.CreatedAt, key.IsActive).ShouldBe(("Magento production", Start.UtcDateTime, true));
    }

    [Fact]
    public async Task EachIssuedKeyIsNew()
    {
        var channelId = (await _channels.CreateAsync(new Draft { Code = "web", Name = "Web shop" }, CancellationToken.None)).ChannelId!.Value;

        var first = await _channels.IssueKeyAsync(channelId, "Production", CancellationToken.None);
        var second = await _channels.IssueKeyAsync(channelId, "Staging", CancellationToken.None);

        first.PlainKey.ShouldNotBe(second.PlainKey);
        (await _channels.ListAsync(CancellationToken.None)).Single().Keys.Count.ShouldBe(2);
    }

    [Fact]
    public async Task AKeyWithoutLabelOrForAMissingChannelIsNotIssued()
    {
        var channelId = (await _channels.CreateAsync(new Draft { Code = "web", Name = "Web shop" }, CancellationToken.None)).ChannelId!.Value;

        (await _channels.IssueKeyAsync(channelId, "  ", CancellationToken.None))
            .ShouldBe(new StorefrontChannels.IssueOutcome(null, "Enter a label, e.g. the shop or the server that will use the key."));
        (await _channels.IssueKeyAsync(channelId + 1, "Production", CancellationToken.None))
            .ShouldBe(new StorefrontChannels.IssueOutcome(null, "The channel no longer exists."));
        await using var db = _factory.CreateDbContext();
        (await db.ChannelApiKeys.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task RevokingRecordsTheTimeAndAKeyOfAnotherChannelIsNotTouched()
    {
        var web = (await _channels.CreateAsync(new Draft { Code = "web", Name = "Web shop" }, CancellationToken.None)).ChannelId!.Value;
        var outlet = (await _channels.CreateAsync(new Draft { Code = "outlet", Name = "Outlet" }, CancellationToken.None)).ChannelId!.Value;
        await _channels.IssueKeyAsync(web, "Production", CancellationToken.None);
        var keyId = (await _channels.ListAsync(CancellationToken.None)).Single(c => c.Id == web).Keys.Single().Id;
        _time.Advance(TimeSpan.FromHours(2));

        (await _channels.RevokeKeyAsync(outlet, keyId, CancellationToken.None)).ShouldBe("The key no longer exists.");
        (await _channels.ListAsync(CancellationToken.None)).Single(c => c.Id == web).Keys.Single().IsActive.ShouldBeTrue();
        (await _channels.RevokeKeyAsync(web, keyId, CancellationToken.None)).ShouldBeNull();

        var key = (await _channels.ListAsync(CancellationToken.None)).Single(c => c.Id == web).Keys.Single();
        key.RevokedAt.ShouldBe(Start.UtcDateTime.AddHours(2));
    }
}
