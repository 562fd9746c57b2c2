using System.Data;
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

    public static Task AddAsync(DbConnection db, DbTransaction? tx, CartEvent cartEvent, CancellationToken ct) =>
        db.ExecuteAsync(new CommandDefinition(InsertSql, CartEventRow.From(cartEvent), tx, cancellationToken: ct));

    /// <summary>The same row, written with the command the group commit's transaction keeps for its writes.</summary>
    public static Task AddAsync(GroupCommit commits, DbTransaction tx, CartEvent cartEvent)
    {
        var row = CartEventRow.From(cartEvent);
        var insert = commits.Command(tx, InsertSql, 
            ("@CartId", DbType.Int64), ("@At", DbType.Int64), ("@Kind", DbType.String), ("@Detail", DbType.String), ("@Entry", DbType.String), ("@MessageId", DbType.Int64));
        insert.Parameters[0].Value = row.CartId;
        insert.Parameters[1].Value = row.At;
        insert.Parameters[2].Value = row.Kind;
        insert.Parameters[3].Value = row.Detail;
        insert.Parameters[4].Value = (object?)row.Entry ?? DBNull.Value;
        insert.Parameters[5].Value = (object?)row.MessageId ?? DBNull.Value;
        return insert.ExecuteNonQueryAsync(CancellationToken.None);
    }
}
