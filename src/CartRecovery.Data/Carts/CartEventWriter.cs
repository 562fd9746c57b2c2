using System.Data.Common;
using CartRecovery.Core.Carts;
using Dapper;

namespace CartRecovery.Data.Carts;

/// <summary>Appends to a cart's timeline inside the caller's transaction.</summary>
internal static class CartEventWriter
{
    private const string InsertSql = """
        INSERT INTO cart_events (cart_id, at, kind, detail, entry, message_id)
        VALUES (@CartId, @At, @Kind, @Detail, @Entry, @MessageId)
        """;

    public static Task AddAsync(DbConnection db, DbTransaction? tx, CartEvent cartEvent, CancellationToken ct) =>
        db.ExecuteAsync(new CommandDefinition(InsertSql, CartEventRow.From(cartEvent), tx, cancellationToken: ct));
}
