using System.Data;
using System.Data.Common;
using CommerceDesk.Data;
using CommerceDesk.Domain.Carts;
using CommerceDesk.Domain.Channels;
using CommerceDesk.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CommerceDesk.Tests.Data;

/// <summary>Provider errors read the same way on every database: real SQLite failures, and PostgreSQL's SQLSTATE.</summary>
public abstract class DbErrorsTests(DatabaseProvider provider) : IAsyncLifetime
{
    /// <summary>SQLite's own failures: a repeated primary key in raw SQL, and the file lock.</summary>
    public sealed class OnSqlite() : DbErrorsTests(DatabaseProvider.Sqlite)
    {
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

        private static async Task Execute(SqliteConnection connection, string sql)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync();
        }
    }

    /// <summary>PostgreSQL's own failures, raised by the real server and read from their SQLSTATE.</summary>
    public sealed class OnPostgres() : DbErrorsTests(DatabaseProvider.Postgres)
    {
        [Fact]
        public async Task ARepeatedPrimaryKeyIsAUniqueViolation()
        {
            await using var connection = new NpgsqlConnection(_path);
            await connection.OpenAsync();
            await Execute(connection, "CREATE TABLE \"Claims\" (\"Id\" integer PRIMARY KEY, \"Name\" text NOT NULL)");
            await Execute(connection, "INSERT INTO \"Claims\" VALUES (1, 'first')");

            var error = await Should.ThrowAsync<PostgresException>(() => Execute(connection, "INSERT INTO \"Claims\" VALUES (1, 'second')"));

            error.SqlState.ShouldBe(PostgresErrorCodes.UniqueViolation);
            DbErrors.IsUniqueViolation(error).ShouldBeTrue();
            DbErrors.IsRace(error).ShouldBeTrue();
            DbErrors.IsLockConflict(error).ShouldBeFalse();
        }

        [Fact]
        public async Task TwoSerializableWritersOfTheSameRowMakeTheLaterOneASerializationFailureNotARace()
        {
            await using (var db = Open())
            {
                db.Channels.Add(new Channel("web", "Web", "EUR"));
                await db.SaveChangesAsync();
            }
            await using var first = new NpgsqlConnection(_path);
            await using var second = new NpgsqlConnection(_path);
            await first.OpenAsync();
            await second.OpenAsync();
            await using var firstTransaction = await first.BeginTransactionAsync(IsolationLevel.Serializable);
            await using var secondTransaction = await second.BeginTransactionAsync(IsolationLevel.Serializable);
            // Both read the row in their snapshots; the first then commits a change to it.
            await Execute(first, "SELECT \"Name\" FROM \"Channels\" WHERE \"Code\" = 'web'");
            await Execute(second, "SELECT \"Name\" FROM \"Channels\" WHERE \"Code\" = 'web'");
            await Execute(first, "UPDATE \"Channels\" SET \"Name\" = 'Web one' WHERE \"Code\" = 'web'");
            await firstTransaction.CommitAsync();

            var error = await Should.ThrowAsync<PostgresException>(() => Execute(second, "UPDATE \"Channels\" SET \"Name\" = 'Web two' WHERE \"Code\" = 'web'"));

            error.SqlState.ShouldBe(PostgresErrorCodes.SerializationFailure);
            DbErrors.IsLockConflict(error).ShouldBeTrue();
            DbErrors.IsLockConflict(new DbUpdateException("save failed", error)).ShouldBeTrue();
            DbErrors.IsRace(error).ShouldBeFalse();
        }

        [Fact]
        public async Task AWriterThatCannotGetTheRowLockInTimeIsALockConflictNotARace()
        {
            await using (var db = Open())
            {
                db.Channels.Add(new Channel("web", "Web", "EUR"));
                await db.SaveChangesAsync();
            }
            await using var holder = new NpgsqlConnection(_path);
            await using var waiter = new NpgsqlConnection(_path);
            await holder.OpenAsync();
            await waiter.OpenAsync();
            await using var held = await holder.BeginTransactionAsync();
            await Execute(holder, "SELECT 1 FROM \"Channels\" WHERE \"Code\" = 'web' FOR UPDATE");
            await Execute(waiter, "SET lock_timeout = '100ms'");

            var error = await Should.ThrowAsync<PostgresException>(() => Execute(waiter, "UPDATE \"Channels\" SET \"Name\" = 'Waited' WHERE \"Code\" = 'web'"));

            error.SqlState.ShouldBe(PostgresErrorCodes.LockNotAvailable);
            DbErrors.IsLockConflict(error).ShouldBeTrue();
            DbErrors.IsRace(error).ShouldBeFalse();
        }

        private static async Task Execute(NpgsqlConnection connection, string sql)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    private string _path = "";

    public async Task InitializeAsync() => _path = await TestDatabase.CreateAsync(provider);

    public Task DisposeAsync()
    {
        TestDatabase.Delete(_path);
        return Task.CompletedTask;
    }

    private CommerceDbContext Open() => TestDatabase.Open(_path);

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

    /// <summary>Reports a SQLSTATE the way Npgsql's PostgresException does.</summary>
    private sealed class SqlStateException(string sqlState) : DbException("postgres error")
    {
        public override string SqlState { get; } = sqlState;
    }
}
