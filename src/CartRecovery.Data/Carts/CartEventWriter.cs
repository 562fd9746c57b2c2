using System.Data.Common;
using CartRecovery.Core.Carts;
using CartRecovery.Data.Connections;
using Dapper;

namespace CartRecovery.Data.Carts;

/// <summary>Appends to a cart's timeline inside the caller's transaction.</summary>
internal static class CartEventWriter
{
    private const string InsertSql = """
        INSERT INTO cart_events (cart_id, at, kind, detail, entry, message_id)
        VALUES (@CartId, @At, @Kind, @Detail, @Entry, @MessageId)
        """;

    private static readonly (string, Func<CartEventRow, object?>)[] InsertParameters =
    [
        ("@CartId", r => r.CartId), ("@At", r => r.At), ("@Kind", r => r.Kind), ("@Detail", r => r.Detail), ("@Entry", r => r.Entry),
        ("@MessageId", r => r.MessageId),
    ];

    public static Task AddAsync(DbConnection db, DbTransaction? tx, CartEvent cartEvent, CancellationToken ct) =>
        db.ExecuteAsync(new CommandDefinition(InsertSql, CartEventRow.From(cartEvent), tx, cancellationToken: ct));

    /// <summary>Adds the append of <paramref name="cartEvent"/> to <paramref name="batch"/>.</summary>
    public static void AddTo(StatementBatch batch, CartEvent cartEvent) =>
        MultiRowInsert.AddTo(batch, InsertSql, [CartEventRow.From(cartEvent)], sql => sql);

    /// <summary>Appends each of <paramref name="cartEvents"/>, the statement compiled or sent once for them all (<see cref="StatementPerRow"/>).</summary>
    public static Task AddEachAsync(DbConnection db, DbTransaction tx, IReadOnlyList<CartEvent> cartEvents) =>
        StatementPerRow.ExecuteAsync(db, tx, InsertSql, cartEvents.Select(CartEventRow.From).ToList(), InsertParameters);
}
