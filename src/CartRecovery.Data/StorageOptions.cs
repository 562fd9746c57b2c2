using Microsoft.Data.Sqlite;

namespace CartRecovery.Data;

/// <summary>Where and how CartRecovery keeps its data (section <c>Storage</c>).</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>The embedded default: one SQLite file under <see cref="DataDirectory"/>.</summary>
    public const string Sqlite = "sqlite";

    /// <summary>PostgreSQL (also accepted as <c>postgresql</c>); needs <see cref="ConnectionString"/>.</summary>
    public const string Postgres = "postgres";

    /// <summary>SQL Server; needs <see cref="ConnectionString"/>.</summary>
    public const string SqlServer = "sqlserver";

    /// <summary>The database engine: <c>sqlite</c> (default), <c>postgres</c> or <c>sqlserver</c>, in any letter case.</summary>
    public string Provider { get; set; } = Sqlite;

    /// <summary>
    /// Where the SQLite file lives when no connection string is given, and where local secrets are kept with any
    /// provider; relative paths start at the current directory.
    /// </summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>
    /// The connection string. Required for <c>postgres</c> and <c>sqlserver</c>; for <c>sqlite</c> it overrides the
    /// file under <see cref="DataDirectory"/>.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>The canonical provider name (<c>sqlite</c>, <c>postgres</c>, <c>sqlserver</c>), or null when unknown.</summary>
    public string? ProviderName => Provider?.Trim().ToLowerInvariant() switch
    {
        Sqlite => Sqlite,
        Postgres or "postgresql" => Postgres,
        SqlServer => SqlServer,
        _ => null,
    };

    internal bool IsServer => ProviderName is Postgres or SqlServer;

    /// <summary>Why these options cannot be used, or null when they can.</summary>
    internal string? Problem() =>
        ProviderName is null
            ? $"Storage:Provider must be 'sqlite', 'postgres' or 'sqlserver' (it is '{Provider}')."
            : IsServer && string.IsNullOrWhiteSpace(ConnectionString)
                ? $"Storage:ConnectionString is required when Storage:Provider is '{ProviderName}'."
                : null;

    /// <summary>
    /// <see cref="ConnectionString"/> when set, else (SQLite only) <c>Data Source={DataDirectory}/cartrecovery.db</c>.
    /// </summary>
    public string ResolveConnectionString() =>
        !string.IsNullOrWhiteSpace(ConnectionString) ? ConnectionString
        : IsServer ? throw new InvalidOperationException(Problem())
        : new SqliteConnectionStringBuilder { DataSource = Path.Combine(DataDirectory, "cartrecovery.db") }.ToString();
}
