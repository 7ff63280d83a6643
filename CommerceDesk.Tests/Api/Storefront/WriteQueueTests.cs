using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using CommerceDesk.Data;
using CommerceDesk.Domain.Common;
using CommerceDesk.Tests.Support;
using CommerceDesk.Web.Storefront.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CommerceDesk.Tests.Api.Storefront;

/// <summary>The storefront writer under more load than SQLite can take: a bounded queue that refuses the excess.</summary>
// SQLite only: the group-commit write queue exists for SQLite's single writer.
public sealed class WriteQueueTests(WriteQueueTests.SmallQueueFactory factory) : IClassFixture<WriteQueueTests.SmallQueueFactory>
{
    private const int Limit = 4;

    [Fact]
    public async Task AFloodBeyondTheQueueLimitIsRefusedWith503AndEveryAcceptedWriteIsStored()
    {
        var writer = factory.Services.GetRequiredService<StorefrontWriter>();
        using var client = factory.CreateStorefrontClient();
        var ids = Enumerable.Range(0, 20).Select(i => $"flood-{i:D2}").ToList();

        // The writer is held on one upsert, so the flood fills the queue and nothing drains it until release.
        var (busy, release) = await HoldTheWriterAsync(writer);
        var puts = ids.Select(id => client.PutAsJsonAsync($"/api/v1/channels/web/customers/{id}", StorefrontPayloads.Customer())).ToList();

        // Every request beyond the limit is answered while the queued ones still wait.
        var refused = await FirstAnsweredAsync(puts, ids.Count - Limit);
        foreach (var response in refused)
        {
            response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            response.Headers.RetryAfter.ShouldNotBeNull().Delta.ShouldNotBeNull().TotalSeconds.ShouldBeGreaterThan(0);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
            var problem = (await response.Content.ReadFromJsonAsync<ProblemDetails>())!;
            problem.Status.ShouldBe(503);
            problem.Title.ShouldBe("CommerceDesk is busy; nothing was stored.");
        }
        release.SetResult();
        await busy;
        var answers = await Task.WhenAll(puts);

        var accepted = ids.Where((_, i) => answers[i].StatusCode == HttpStatusCode.Created).ToList();
        accepted.Count.ShouldBe(Limit);
        answers.Count(a => a.StatusCode == HttpStatusCode.ServiceUnavailable).ShouldBe(ids.Count - Limit);
        await using var db = factory.CreateDbContext();
        (await db.Customers.Where(c => c.ExternalId.StartsWith("flood-")).Select(c => c.ExternalId).OrderBy(id => id).ToListAsync())
            .ShouldBe(accepted);
    }

    [Fact]
    public async Task ARolledBackGroupIsLoggedAsAWarningNamingTheRecordThatBrokeIt()
    {
        var writer = factory.Services.GetRequiredService<StorefrontWriter>();
        var (busy, release) = await HoldTheWriterAsync(writer);
        var writes = new[] { "grouped-ok", "grouped-broken", "grouped-after" }.Select(id => writer.WriteAsync(
            new StorefrontRecordKey("web", "cart", id),
            (_, _) => id == "grouped-broken" ? throw new DomainException("This cart breaks a rule.") : Task.FromResult(id),
            CancellationToken.None)).ToList();
        release.SetResult();
        await busy;

        await Should.ThrowAsync<DomainException>(writes[1]);
        (await writes[0]).ShouldBe("grouped-ok");
        (await writes[2]).ShouldBe("grouped-after");
        var warning = factory.Logs.Where(entry => entry.Category == typeof(GroupCommitQueue).FullName).ShouldHaveSingleItem();
        warning.Level.ShouldBe(LogLevel.Warning);
        warning.Message.ShouldContain("the cart 'grouped-broken' of channel 'web'");
        warning.Exception.ShouldBeOfType<DomainException>();
    }

    /// <summary>Starts an upsert that holds the writer until the returned source is completed.</summary>
    private static async Task<(Task Busy, TaskCompletionSource Release)> HoldTheWriterAsync(StorefrontWriter writer)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var busy = writer.WriteAsync(new StorefrontRecordKey("web", "customer", "holding"), async (_, _) =>
        {
            started.SetResult();
            await release.Task;
            return 0;
        }, CancellationToken.None);
        await started.Task;
        return (busy, release);
    }

    private static async Task<List<HttpResponseMessage>> FirstAnsweredAsync(List<Task<HttpResponseMessage>> requests, int count)
    {
        var pending = requests.ToList();
        var answered = new List<HttpResponseMessage>();
        while (answered.Count < count)
        {
            // Guards against a hang (a request queued beyond the limit would never answer); not a speed check.
            var done = await Task.WhenAny(pending).WaitAsync(TimeSpan.FromMinutes(2));
            pending.Remove(done);
            answered.Add(await done);
        }
        return answered;
    }

    /// <summary>The app with a write queue of <see cref="Limit"/> upserts and its log lines kept for assertions.</summary>
    public sealed class SmallQueueFactory : CommerceDeskFactory
    {
        private readonly LogSink _sink = new();

        public IReadOnlyList<LogEntry> Logs => _sink.Entries.ToList();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Storefront:WriteQueueLimit", Limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.ConfigureLogging(logging => logging.AddProvider(_sink));
        }
    }

    public sealed record LogEntry(string Category, LogLevel Level, string Message, Exception? Exception);

    private sealed class LogSink : ILoggerProvider
    {
        public ConcurrentQueue<LogEntry> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, Entries);

        public void Dispose() { }

        private sealed class Logger(string category, ConcurrentQueue<LogEntry> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                entries.Enqueue(new LogEntry(category, logLevel, formatter(state, exception), exception));
        }
    }
}
