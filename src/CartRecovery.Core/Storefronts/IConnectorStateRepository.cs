namespace CartRecovery.Core.Storefronts;

/// <summary>
/// Small per-store values a connector must keep across restarts: polling cursors (the last <c>updated_at</c> seen),
/// registered webhook ids, OAuth state. Not for secrets (see <see cref="Stores.IStoreCredentialRepository"/>).
/// </summary>
public interface IConnectorStateRepository
{
    Task<string?> GetAsync(long storeId, string key, CancellationToken ct);

    Task SetAsync(long storeId, string key, string value, CancellationToken ct);
}
