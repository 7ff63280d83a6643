using System.Diagnostics;
using CommerceDesk.Bench.Dataset;
using Microsoft.Data.Sqlite;

namespace CommerceDesk.Bench.Api;

/// <summary>
/// The ceiling of the storefront upsert on this database with no app at all: every statement an upsert makes (look up
/// the record, its customer and, for a cart, an order waiting for it; insert the row and its lines; for an order, mark
/// its cart purchased, start the cart's workflow at Converted with its history line, and queue the customer's
/// confirmation: read the channel and the template, check the dedupe key, insert the message), each prepared once and
/// reused, committed in groups the size of the app's group commit under 32 clients. What the app adds on top of
/// this — HTTP, JSON, validation, EF Core, the domain — is the gap between this figure and the API's.
/// </summary>
internal sealed class RawUpsertStatements(string database)
{
    private const int GroupSize = 32;

    public double Rate(int requests, string prefix)
    {
        using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        Run(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
        var now = SqliteText.Time(DatasetSpec.Now);

        using var findCart = Prepare(connection, "SELECT Id, Version FROM Carts WHERE ChannelId = 1 AND ExternalId = $p0", 1);
        using var findOrder = Prepare(connection, "SELECT Id FROM Orders WHERE ChannelId = 1 AND ExternalId = $p0", 1);
        using var findCustomer = Prepare(connection, "SELECT Id FROM Customers WHERE ChannelId = 1 AND ExternalId = $p0", 1);
        using var findWaitingOrder = Prepare(connection, "SELECT Id FROM Orders WHERE ChannelId = 1 AND CartExternalId = $p0 AND CartId IS NULL", 1);
        using var insertCart = Prepare(connection,
            "INSERT INTO Carts (ChannelId, ExternalId, CreatedAt, SourceUpdatedAt, CustomerExternalId, CustomerId, Email, ItemCount, CheckoutStep, Status, " +
            "LastActivityAt, Version, CrmSyncStatus, Subtotal, Currency, WorkflowStep) " +
            "VALUES (1, $p0, $p1, $p1, $p2, $p3, $p4, 3, 'Payment', 'Open', $p1, 1, 'NotSynced', 350000, 'EUR', 'open') RETURNING Id", 5);
        using var insertItem = Prepare(connection, "INSERT INTO CartItems (CartId, Position, Sku, Name, Quantity, UnitPrice) VALUES ($p0, $p1, $p2, 'Mug', 2, 100000)", 3);
        using var insertOrder = Prepare(connection,
            "INSERT INTO Orders (ChannelId, ExternalId, CreatedAt, SourceUpdatedAt, Number, CartExternalId, CustomerExternalId, CustomerId, Email, " +
            "PaymentStatus, CommercialState, PlacedAt, Status, Version, CrmSyncStatus, PaymentMethodCode, PaymentKind, Subtotal, Currency, WorkflowStep) " +
            "VALUES (1, $p0, $p1, $p1, $p2, $p3, $p4, $p5, $p6, 'Paid', 'SalesOrder', $p1, 'Incoming', 1, 'NotSynced', 'card', 'Online', 350000, 'EUR', 'not_contacted') RETURNING Id", 7);
        using var insertLine = Prepare(connection, "INSERT INTO OrderLines (OrderId, Position, Sku, Name, Quantity, UnitPrice) VALUES ($p0, $p1, $p2, 'Mug', 2, 100000)", 3);
        using var linkCart = Prepare(connection, "UPDATE Orders SET CartId = $p0, Version = Version + 1 WHERE Id = $p1", 2);
        using var purchaseCart = Prepare(connection,
            "UPDATE Carts SET Status = 'Purchased', OrderId = $p0, WorkflowStep = 'converted', Version = Version + 1 WHERE Id = $p1 AND Version = $p2", 3);
        using var findWorkflow = Prepare(connection, "SELECT Id FROM WorkflowItems WHERE CartId = $p0 AND WorkflowName = 'abandoned_shopping_cart'", 1);
        using var insertWorkflow = Prepare(connection,
            "INSERT INTO WorkflowItems (WorkflowName, CartId, CurrentStep, StartedAt, LastTransitionAt, LastTransitionBy, Version) " +
            "VALUES ('abandoned_shopping_cart', $p0, 'converted', $p1, $p1, 'CommerceDesk', 1) RETURNING Id", 2);
        using var insertTransition = Prepare(connection,
            "INSERT INTO WorkflowTransitions (\"Transition\", TransitionLabel, FromStep, ToStep, UserId, UserName, At, FormData, WorkflowItemId) " +
            "VALUES ('purchased', 'Order placed on the storefront', 'open', 'converted', 'system', 'CommerceDesk', $p0, '{}', $p1)", 2);

        using var findChannel = Prepare(connection, "SELECT Code, Name FROM Channels WHERE Id = 1", 0);
        using var findTemplate = Prepare(connection, "SELECT Subject, HtmlBody, TextBody FROM EmailTemplate WHERE Key = 'order-confirmation'", 0);
        using var findMessage = Prepare(connection, "SELECT Id FROM OutboxMessages WHERE DedupeKey = $p0", 1);
        using var insertMessage = Prepare(connection,
            "INSERT INTO OutboxMessages (DedupeKey, \"To\", Subject, HtmlBody, TextBody, Status, Attempts, NextAttemptAt, CreatedAt) " +
            "VALUES ($p0, $p1, 'Order confirmed', '<p>Thank you for your order</p>', 'Thank you for your order', 'Pending', 0, $p2, $p2)", 3);

        var clock = Stopwatch.StartNew();
        Run(connection, "BEGIN IMMEDIATE"); // plain text: the prepared statements stay valid across transactions
        for (var i = 0; i < requests; i++)
        {
            var n = i / 2;
            var customer = Scalar(findCustomer, $"CU-{n % 1000:D7}");
            if (i % 2 == 0)
            {
                Scalar(findCart, $"{prefix}-C{n}");
                var cartId = Scalar(insertCart, $"{prefix}-C{n}", now, $"CU-{n % 1000:D7}", customer, $"shopper{n}@example.com");
                Execute(insertItem, cartId, 1, "SKU-1");
                Execute(insertItem, cartId, 2, "SKU-2");
                Scalar(findWaitingOrder, $"{prefix}-C{n}");
            }
            else
            {
                Scalar(findOrder, $"{prefix}-O{n}");
                var (cartId, version) = Row(findCart, $"{prefix}-C{n}");
                var orderId = Scalar(insertOrder, $"{prefix}-O{n}", now, $"{prefix}-{n}", $"{prefix}-C{n}", $"CU-{n % 1000:D7}", customer, $"shopper{n}@example.com");
                Execute(insertLine, orderId, 1, "SKU-1");
                Execute(insertLine, orderId, 2, "SKU-2");
                Execute(linkCart, cartId, orderId);
                Execute(purchaseCart, orderId, cartId, version);
                Scalar(findWorkflow, cartId);
                var workflowId = Scalar(insertWorkflow, cartId, now);
                Execute(insertTransition, now, workflowId);
                Scalar(findChannel);
                Scalar(findTemplate);
                Scalar(findMessage, $"order-confirmation:1:{prefix}-O{n}");
                Execute(insertMessage, $"order-confirmation:1:{prefix}-O{n}", $"shopper{n}@example.com", now);
            }
            if ((i + 1) % GroupSize == 0)
            {
                Run(connection, "COMMIT");
                Run(connection, "BEGIN IMMEDIATE");
            }
        }
        Run(connection, "COMMIT");
        return requests / clock.Elapsed.TotalSeconds;
    }

    private static SqliteCommand Prepare(SqliteConnection connection, string sql, int parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < parameters; i++) command.Parameters.Add(new SqliteParameter("$p" + i, null));
        command.Prepare();
        return command;
    }

    private static void Bind(SqliteCommand command, object?[] values)
    {
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i] ?? DBNull.Value;
    }

    private static void Execute(SqliteCommand command, params object?[] values)
    {
        Bind(command, values);
        command.ExecuteNonQuery();
    }

    private static long? Scalar(SqliteCommand command, params object?[] values)
    {
        Bind(command, values);
        return command.ExecuteScalar() is long id ? id : null;
    }

    private static (long Id, long Version) Row(SqliteCommand command, params object?[] values)
    {
        Bind(command, values);
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    private static void Run(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
