using System.Collections.Concurrent;
using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;

namespace CartRecovery.Data.Connections;

/// <summary>
/// SQLite connections kept open with their statements compiled, for the reads a hot path runs on every request (the
/// restore redirect): compiling a statement costs more than running it. Each connection serves one read at a time; as many
/// are opened as reads run at once, and up to <see cref="MaxIdle"/> are kept between them. A statement compiled before a
/// schema change is compiled again by SQLite itself; a kept connection holds no transaction between reads.
/// </summary>
internal sealed class SqlitePreparedReads(Func<CancellationToken, ValueTask<DbConnection>> open) : IDisposable
{
    /// <summary>Open connections kept between reads; more at once are opened and closed again.</summary>
    public const int MaxIdle = 8;

    private readonly ConcurrentBag<Reader> _idle = [];
    private volatile bool _disposed;

    public async Task<T?> QueryByIdAsync<T>(string sql, long id, CancellationToken ct) where T : class
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var reader = _idle.TryTake(out var idle) ? idle : new Reader((SqliteConnection)await open(ct));
        var kept = false;
        try
        {
            var command = reader.Command(sql);
            command.Parameters[0].Value = id;
            T? result = null;
            await using (var rows = await command.ExecuteReaderAsync(ct))
            {
                if (await rows.ReadAsync(ct))
                    result = rows.GetRowParser<T>()(rows);
            }
            if (_idle.Count < MaxIdle)
            {
                _idle.Add(reader);
                kept = true;
                if (_disposed)
                    DisposeIdle();
            }
            return result;
        }
        finally
        {
            if (!kept)
                reader.Dispose();
        }
    }

    public void Dispose()
    {
        _disposed = true;
        DisposeIdle();
    }

    private void DisposeIdle()
    {
        while (_idle.TryTake(out var reader))
            reader.Dispose();
    }

    private sealed class Reader(SqliteConnection connection) : IDisposable
    {
        private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

        public SqliteCommand Command(string sql)
        {
            if (_commands.TryGetValue(sql, out var command))
                return command;
            command = connection.CreateCommand();
            command.CommandText = sql;
            command.Parameters.Add("@Id", SqliteType.Integer);
            command.Prepare();
            _commands[sql] = command;
            return command;
        }

        public void Dispose()
        {
            foreach (var command in _commands.Values)
                command.Dispose();
            connection.Dispose();
        }
    }
}
