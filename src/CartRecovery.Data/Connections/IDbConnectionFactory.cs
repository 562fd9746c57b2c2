using System.Data.Common;

namespace CartRecovery.Data.Connections;

/// <summary>Opens a new (pooled) connection to the configured database; one per unit of work, never shared.</summary>
public interface IDbConnectionFactory
{
    ValueTask<DbConnection> OpenAsync(CancellationToken ct);
}
