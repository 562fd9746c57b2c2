using System.Data.Common;
using Dapper;

namespace CartRecovery.Data.Connections;

/// <summary>
/// Writes that run one after another in a transaction, none needing what the one before returned: sent as one
/// <see cref="DbBatch"/> where the provider has batches (one round trip on PostgreSQL and SQL Server instead of one per
/// statement), else run one by one as before (SQLite, where a statement costs no round trip).
/// </summary>
internal sealed class StatementBatch
{
    private readonly List<(string Sql, IReadOnlyList<(string Name, object? Value)> Parameters)> _statements = [];

    /// <summary>Adds <paramref name="sql"/> with its parameters, named as in the SQL without the <c>@</c>.</summary>
    public void Add(string sql, IReadOnlyList<(string Name, object? Value)> parameters)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sql);
        ArgumentNullException.ThrowIfNull(parameters);
        _statements.Add((sql, parameters));
    }

    /// <summary>Runs the statements added, in order, inside <paramref name="tx"/>.</summary>
    public async Task ExecuteAsync(DbConnection db, DbTransaction tx, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (_statements.Count > 1 && db.CanCreateBatch)
        {
            await using var batch = db.CreateBatch();
            batch.Transaction = tx;
            foreach (var (sql, parameters) in _statements)
            {
                var command = batch.CreateBatchCommand();
                command.CommandText = sql;
                foreach (var (name, value) in parameters)
                {
                    var parameter = command.CreateParameter();
                    parameter.ParameterName = "@" + name;
                    parameter.Value = value ?? DBNull.Value;
                    command.Parameters.Add(parameter);
                }
                batch.BatchCommands.Add(command);
            }
            await batch.ExecuteNonQueryAsync(ct);
            return;
        }
        foreach (var (sql, parameters) in _statements)
        {
            var dynamic = new DynamicParameters();
            foreach (var (name, value) in parameters)
                dynamic.Add(name, value);
            await db.ExecuteAsync(new CommandDefinition(sql, dynamic, tx, cancellationToken: ct));
        }
    }
}
