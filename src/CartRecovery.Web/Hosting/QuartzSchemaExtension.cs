using System.Data.Common;
using CartRecovery.Data.Schema;
using CartRecovery.Jobs.Scheduling;

namespace CartRecovery.Web.Hosting;

/// <summary>Quartz's job-store tables, created by the migrator after ours (under its schema lock).</summary>
internal sealed class QuartzSchemaExtension : ISchemaExtension
{
    public string Name => "Quartz job store";

    public Task ApplyAsync(DbConnection connection, string provider, CancellationToken ct) =>
        QuartzSchema.ApplyAsync(connection, QuartzScriptName(provider), ct);

    /// <summary>Quartz names its embedded scripts create_sqlite.sql, create_postgres.sql and create_sqlServer.sql.</summary>
    private static string QuartzScriptName(string provider) => provider.Trim().ToLowerInvariant() switch
    {
        "sqlserver" => "sqlServer",
        var other => other,
    };
}
