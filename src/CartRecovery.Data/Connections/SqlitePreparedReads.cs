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

    private readonly Stack<Reader> _idle = new(MaxIdle);
    private bool _disposed;

    public async Task<T?> QueryByIdAsync<T>(string sql, long id, CancellationToken ct) where T : class
    {
        var reader = Take() ?? new Reader((SqliteConnection)await open(ct));
        try
        {
            var statement = reader.Statement<T>(sql);
            statement.Command.Parameters[0].Value = id;
            T? result = null;
            await using (var rows = await statement.Command.ExecuteReaderAsync(ct))
            {
                if (await rows.ReadAsync(ct))
                    result = statement.Parse(rows);
            }
            if (Keep(reader))
                reader = null;
            return result;
        }
        finally
        {
            reader?.Dispose();
        }
    }

    public void Dispose()
    {
        lock (_idle)
        {
            _disposed = true;
            while (_idle.TryPop(out var reader))
                reader.Dispose();
        }
    }

    private Reader? Take()
    {
        lock (_idle)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _idle.TryPop(out var reader) ? reader : null;
        }
    }

    private bool Keep(Reader reader)
    {
        lock (_idle)
        {
            if (_disposed || _idle.Count >= MaxIdle)
                return false;
            _idle.Push(reader);
            return true;
        }
    }

    /// <summary>A compiled command and its row parser (its columns never change, so Dapper's lookup runs once).</summary>
    private sealed class Statement<T>(SqliteCommand command)
    {
        private Func<DbDataReader, T>? _parser;

        public SqliteCommand Command => command;

        public T Parse(DbDataReader rows) => (_parser ??= rows.GetRowParser<T>())(rows);
    }

    private sealed class Reader(SqliteConnection connection) : IDisposable
    {
        // One row type per statement text (each is a repository's constant).
        private readonly Dictionary<string, object> _statements = new(StringComparer.Ordinal);
        private readonly List<SqliteCommand> _commands = [];

        public Statement<T> Statement<T>(string sql)
        {
            if (_statements.TryGetValue(sql, out var found))
                return (Statement<T>)found;
            var command = connection.CreateCommand();
            _commands.Add(command);
            command.CommandText = sql;
            command.Parameters.Add("@Id", SqliteType.Integer);
            command.Prepare();
            var statement = new Statement<T>(command);
            _statements[sql] = statement;
            return statement;
        }

        public void Dispose()
        {
            foreach (var command in _commands)
                command.Dispose();
            connection.Dispose();
        }
    }
}
