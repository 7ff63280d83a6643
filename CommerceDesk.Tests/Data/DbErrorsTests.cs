using System.Data.Common;
using CommerceDesk.Data;
using CommerceDesk.Domain.Carts;
using CommerceDesk.Domain.Channels;
using CommerceDesk.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CommerceDesk.Tests.Data;

/// <summary>Provider errors read the same way on every database: real SQLite failures, and PostgreSQL's SQLSTATE.</summary>
public sealed class DbErrorsTests : IAsyncLifetime
{
    private string _path = "";

    public async Task InitializeAsync() => _path = await TestDatabase.CreateAsync();

    public Task DisposeAsync()
    {
        TestDatabase.Delete(_path);
        return Task.CompletedTask;
    }

    private SqliteCommerceDbContext Open() => new(TestDatabase.Options(_path));

    [Fact]
    public async Task ASecondChannelWithTheSameCodeIsAUniqueViolationAndARace()
    {
        await using (var db = Open())
        {
            db.Channels.Add(new Channel("web", "Web", "EUR"));
            await db.SaveChangesAsync();
        }

        await using var second = Open();
        second.Channels.Add(new Channel("web", "Web again", "EUR"));
        var error = await Should.ThrowAsync<DbUpdateException>(() => second.SaveChangesAsync());

        DbErrors.IsUniqueViolation(error).ShouldBeTrue();
        DbErrors.IsUniqueViolation(error.InnerException).ShouldBeTrue();
        DbErrors.IsRace(error).ShouldBeTrue();
        DbErrors.IsStaleWrite(error).ShouldBeFalse();
        DbErrors.IsLockConflict(error).ShouldBeFalse();
    }

    [Fact]
    public async Task ARepeatedPrimaryKeyIsAUniqueViolation()
    {
        await using var connection = new SqliteConnection($"Data Source={_path}");
        await connection.OpenAsync();
        await Execute(connection, "CREATE TABLE Claims (Id INTEGER PRIMARY KEY, Name TEXT NOT NULL)");
        await Execute(connection, "INSERT INTO Claims VALUES (1, 'first')");

        var error = await Should.ThrowAsync<SqliteException>(() => Execute(connection, "INSERT INTO Claims VALUES (1, 'second')"));

        error.SqliteExtendedErrorCode.ShouldBe(1555);
        DbErrors.IsUniqueViolation(error).ShouldBeTrue();
    }

    [Fact]
    public async Task SavingACartSomeoneElseSavedSinceItWasReadIsAStaleWrite()
    {
        long cartId;
        await using (var db = Open())
        {
            var channel = new Channel("web", "Web", "EUR");
            db.Channels.Add(channel);
            await db.SaveChangesAsync();
            var cart = new CartBuilder().InChannel(channel.Id).WithItem("A", 1).Build();
            db.Carts.Add(cart);
            await db.SaveChangesAsync();
            cartId = cart.Id;
        }

        await using var first = Open();
        await using var second = Open();
        var mine = await first.Carts.SingleAsync(c => c.Id == cartId);
        var theirs = await second.Carts.SingleAsync(c => c.Id == cartId);
        theirs.MarkLost();
        await second.SaveChangesAsync();
        mine.MarkLost();
        var error = await Should.ThrowAsync<DbUpdateConcurrencyException>(() => first.SaveChangesAsync());

        DbErrors.IsStaleWrite(error).ShouldBeTrue();
        DbErrors.IsRace(error).ShouldBeTrue();
        DbErrors.IsUniqueViolation(error).ShouldBeFalse();
    }

    [Fact]
    public async Task AWriterThatCannotGetTheFileLockIsALockConflictNotARace()
    {
        await using var holder = new SqliteConnection($"Data Source={_path};Pooling=False");
        await holder.OpenAsync();
        await Execute(holder, "BEGIN IMMEDIATE");
        // Microsoft.Data.Sqlite retries a busy statement until the command timeout (here 1 s), then reports SQLITE_BUSY.
        await using var waiter = new SqliteConnection($"Data Source={_path};Pooling=False;Default Timeout=1");
        await waiter.OpenAsync();
        await Execute(waiter, "PRAGMA busy_timeout=0");

        var error = await Should.ThrowAsync<SqliteException>(() => Execute(waiter, "BEGIN IMMEDIATE"));

        DbErrors.IsLockConflict(error).ShouldBeTrue();
        DbErrors.IsLockConflict(new InvalidOperationException("retries exhausted", error)).ShouldBeTrue();
        DbErrors.IsRace(error).ShouldBeFalse();
        await Execute(holder, "ROLLBACK");
    }

    [Theory]
    [InlineData("23505", true, false)]
    [InlineData("40001", false, true)]
    [InlineData("40P01", false, true)]
    [InlineData("55P03", false, true)]
    [InlineData("23503", false, false)] // foreign key violation: neither
    public void PostgreSqlErrorsAreReadFromTheirSqlState(string sqlState, bool unique, bool lockConflict)
    {
        var error = new DbUpdateException("save failed", new SqlStateException(sqlState));

        DbErrors.IsUniqueViolation(error).ShouldBe(unique);
        DbErrors.IsLockConflict(error).ShouldBe(lockConflict);
        DbErrors.IsRace(error).ShouldBe(unique);
    }

    [Fact]
    public void AnErrorWithoutADatabaseCauseIsNothing()
    {
        var error = new InvalidOperationException("not a database error");

        DbErrors.IsUniqueViolation(error).ShouldBeFalse();
        DbErrors.IsStaleWrite(error).ShouldBeFalse();
        DbErrors.IsLockConflict(error).ShouldBeFalse();
        DbErrors.IsRace(null).ShouldBeFalse();
    }

    private static async Task Execute(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Reports a SQLSTATE the way Npgsql's PostgresException does.</summary>
    private sealed class SqlStateException(string sqlState) : DbException("postgres error")
    {
        public override string SqlState { get; } = sqlState;
    }
}
