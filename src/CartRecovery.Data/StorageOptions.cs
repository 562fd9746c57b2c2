using Microsoft.Data.Sqlite;

namespace CartRecovery.Data;

/// <summary>Where and how CartRecovery keeps its data (section <c>Storage</c>).</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>The only provider for now; PostgreSQL and SQL Server come later as further dialects.</summary>
    public const string Sqlite = "sqlite";

    /// <summary>The database engine. Only <c>sqlite</c> is supported yet.</summary>
    public string Provider { get; set; } = Sqlite;

    /// <summary>Where the SQLite file lives when no connection string is given; relative paths start at the current directory.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>Overrides the connection string built from <see cref="DataDirectory"/>.</summary>
    public string? ConnectionString { get; set; }

    internal bool IsSqlite => string.Equals(Provider?.Trim(), Sqlite, StringComparison.OrdinalIgnoreCase);

    /// <summary><see cref="ConnectionString"/> when set, else <c>Data Source={DataDirectory}/cartrecovery.db</c>.</summary>
    public string ResolveConnectionString() =>
        string.IsNullOrWhiteSpace(ConnectionString)
            ? new SqliteConnectionStringBuilder { DataSource = Path.Combine(DataDirectory, "cartrecovery.db") }.ToString()
            : ConnectionString;
}
