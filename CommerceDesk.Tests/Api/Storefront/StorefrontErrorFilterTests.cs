using CommerceDesk.Web.Storefront.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CommerceDesk.Tests.Api.Storefront;

/// <summary>
/// A write the database cannot take now is a 503 to retry, not a 500. No database here: the filter reads the
/// exception, so each provider's own exception is made in memory.
/// </summary>
public sealed class StorefrontErrorFilterTests
{
    [Fact]
    public async Task ALockTheDatabaseGaveUpOnAnswers503WithRetryAfter()
    {
        var (status, http, problem) = await RunAsync(new DbUpdateException("save failed", new SqliteException("database is locked", 5)));

        status.ShouldBe(StatusCodes.Status503ServiceUnavailable);
        http.Response.Headers.RetryAfter.ToString().ShouldBe("2");
        problem.Detail!.ShouldContain("The database is busy with other writes.");
    }

    [Theory]
    [InlineData(PostgresErrorCodes.SerializationFailure)]
    [InlineData(PostgresErrorCodes.DeadlockDetected)]
    [InlineData(PostgresErrorCodes.LockNotAvailable)]
    public async Task APostgreSqlLockConflictAnswers503WithRetryAfter(string sqlState)
    {
        var (status, http, problem) = await RunAsync(new DbUpdateException("save failed", new PostgresException("conflict", "ERROR", "ERROR", sqlState)));

        status.ShouldBe(StatusCodes.Status503ServiceUnavailable);
        http.Response.Headers.RetryAfter.ToString().ShouldBe("2");
        problem.Detail!.ShouldContain("The database is busy with other writes.");
    }

    [Fact]
    public async Task AFullWriteQueueAnswers503WithRetryAfter()
    {
        var (status, http, problem) = await RunAsync(new WriteQueueFullException(4));

        status.ShouldBe(StatusCodes.Status503ServiceUnavailable);
        http.Response.Headers.RetryAfter.ToString().ShouldBe("2");
        problem.Detail!.ShouldContain("Too many changes are waiting to be written.");
    }

    [Fact]
    public async Task AnyOtherDatabaseErrorIsNotTurnedIntoARetry()
    {
        var error = new DbUpdateException("save failed", new SqliteException("FOREIGN KEY constraint failed", 19, 787));

        (await Should.ThrowAsync<DbUpdateException>(() => RunAsync(error))).ShouldBeSameAs(error);
    }

    [Fact]
    public async Task APostgreSqlForeignKeyViolationIsNotTurnedIntoARetry()
    {
        var error = new DbUpdateException("save failed", new PostgresException("violates foreign key", "ERROR", "ERROR", PostgresErrorCodes.ForeignKeyViolation));

        (await Should.ThrowAsync<DbUpdateException>(() => RunAsync(error))).ShouldBeSameAs(error);
    }

    private static async Task<(int Status, HttpContext Http, ProblemDetails Problem)> RunAsync(Exception thrown)
    {
        var http = new DefaultHttpContext
        {
            RequestServices = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider(),
        };
        http.Response.Body = new MemoryStream();
        var result = await new StorefrontErrorFilter().InvokeAsync(
            new DefaultEndpointFilterInvocationContext(http), _ => throw thrown);

        var problem = result.ShouldBeAssignableTo<IResult>()!;
        await problem.ExecuteAsync(http);
        var details = (ProblemDetails)((IValueHttpResult)problem).Value!;
        return (http.Response.StatusCode, http, details);
    }
}
