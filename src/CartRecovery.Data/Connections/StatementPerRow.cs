using System.Data.Common;

namespace CartRecovery.Data.Connections;

/// <summary>
/// Runs one statement once per row as cheaply as the engine allows: as one batch (a single round trip) where the
/// provider has batches (Npgsql, SqlClient), else as one command compiled once and run again with each row's values
/// (SQLite compiles a command on its first run and keeps it while the command lives).
/// </summary>
internal static class StatementPerRow
{
    /// <summary>The rows each run of <paramref name="sql"/> affected, one count per row of <paramref name="rows"/>.</summary>
    public static async Task<int[]> ExecuteAsync<T>(DbConnection db, DbTransaction transaction, string sql, IReadOnlyList<T> rows,
        IReadOnlyList<(string Name, Func<T, object?> Value)> parameters)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(parameters);
        var affected = new int[rows.Count];
        if (rows.Count > 1 && db.CanCreateBatch)
        {
            await using var batch = db.CreateBatch();
            batch.Transaction = transaction;
            foreach (var row in rows)
            {
                var command = batch.CreateBatchCommand();
                command.CommandText = sql;
                foreach (var (name, value) in parameters)
                {
                    var parameter = command.CreateParameter();
                    parameter.ParameterName = name;
                    parameter.Value = value(row) ?? DBNull.Value;
                    command.Parameters.Add(parameter);
                }
                batch.BatchCommands.Add(command);
            }
            await batch.ExecuteNonQueryAsync();
            for (var i = 0; i < rows.Count; i++)
                affected[i] = batch.BatchCommands[i].RecordsAffected;
            return affected;
        }

        await using var single = db.CreateCommand();
        single.Transaction = transaction;
        single.CommandText = sql;
        var bound = new DbParameter[parameters.Count];
        for (var p = 0; p < parameters.Count; p++)
        {
            bound[p] = single.CreateParameter();
            bound[p].ParameterName = parameters[p].Name;
            single.Parameters.Add(bound[p]);
        }
        for (var i = 0; i < rows.Count; i++)
        {
            for (var p = 0; p < parameters.Count; p++)
                bound[p].Value = parameters[p].Value(rows[i]) ?? DBNull.Value;
            affected[i] = await single.ExecuteNonQueryAsync();
        }
        return affected;
    }
}
