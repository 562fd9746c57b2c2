using System.Data.Common;

namespace CartRecovery.Data.Schema;

/// <summary>
/// Schema owned by another component (Quartz's job-store tables), applied by <see cref="DatabaseMigrator"/> right
/// after our own scripts, on the same connection and under the same schema lock, so nodes starting together never
/// race to create it. Implementations must be idempotent: they run at every start.
/// </summary>
public interface ISchemaExtension
{
    /// <summary>What the extension creates, for logs.</summary>
    string Name { get; }

    /// <param name="provider">The <c>Storage:Provider</c> name: <c>sqlite</c>, <c>postgres</c> or <c>sqlserver</c>.</param>
    Task ApplyAsync(DbConnection connection, string provider, CancellationToken ct);
}
