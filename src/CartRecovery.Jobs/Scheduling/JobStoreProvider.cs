using Quartz;

namespace CartRecovery.Jobs.Scheduling;

/// <summary>
/// Puts Quartz's job store on the app's own database, whichever engine <c>Storage:Provider</c> names. On the server
/// engines (PostgreSQL, SQL Server) the store is clustered: every host process on the database is a node, each trigger
/// firing is taken by exactly one node (row locks in <c>QRTZ_LOCKS</c>), and a node that stops checking in is declared
/// dead by the others, which release its firings. SQLite is one process's file and is never clustered.
/// </summary>
public static class JobStoreProvider
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";
    public const string SqlServer = "sqlserver";

    /// <summary>True for the engines several host processes can share (and so must cluster on).</summary>
    public static bool IsClustered(string provider) => Normalize(provider) is Postgres or SqlServer;

    /// <exception cref="InvalidOperationException">The provider is none of sqlite, postgres, sqlserver.</exception>
    public static void Configure(IPersistentStoreBuilder store, string provider, string connectionString, JobsOptions options)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        switch (Normalize(provider))
        {
            case Sqlite:
                store.UseSqlite(connectionString);
                return;
            case Postgres:
                store.UsePostgres(connectionString);
                break;
            case SqlServer:
                store.UseSqlServer(connectionString);
                break;
            default:
                throw new InvalidOperationException($"Storage:Provider '{provider}' is not one of {Sqlite}, {Postgres}, {SqlServer}.");
        }
        // UseClustering also turns on an instance id generated per process (host name + time), unless one is set.
        store.UseClustering(c =>
        {
            c.CheckinInterval = options.ClusterCheckinInterval;
            c.CheckinMisfireThreshold = options.ClusterCheckinMisfireThreshold;
        });
    }

    private static string Normalize(string provider) => (provider ?? "").Trim().ToLowerInvariant();
}
