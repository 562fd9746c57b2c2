using System.Data.Common;
using CartRecovery.Data.Connections;
using CartRecovery.Data.Dialects;
using Dapper;

namespace CartRecovery.Data;

/// <summary>
/// Saves one keyed row by update-then-insert instead of a dialect upsert: portable, and fine for rows saved rarely
/// (a store's policy, its SMS settings, its subscription).
/// </summary>
internal static class UpdateOrInsert
{
    public static async Task SaveAsync(IDbConnectionFactory connections, SqlDialect dialect, string updateSql, string insertSql,
        object row, CancellationToken ct)
    {
        try
        {
            await SaveOnceAsync(connections, dialect, updateSql, insertSql, row, ct);
        }
        catch (DbException error) when (dialect.IsUniqueViolation(error))
        {
            // Another writer inserted the row between our update and our insert: the update finds it now.
            await SaveOnceAsync(connections, dialect, updateSql, insertSql, row, ct);
        }
    }

    private static async Task SaveOnceAsync(IDbConnectionFactory connections, SqlDialect dialect, string updateSql, string insertSql,
        object row, CancellationToken ct)
    {
        await using var db = await connections.OpenAsync(ct);
        await using var tx = await dialect.BeginWriteAsync(db, ct);
        if (await db.ExecuteAsync(new CommandDefinition(updateSql, row, tx, cancellationToken: ct)) == 0)
            await db.ExecuteAsync(new CommandDefinition(insertSql, row, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
    }
}
