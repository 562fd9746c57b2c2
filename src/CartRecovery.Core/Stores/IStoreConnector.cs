namespace CartRecovery.Core.Stores;

/// <summary>
/// One platform's way to connect a shop with credentials already held (<c>POST /api/stores</c>, <c>stores import</c>).
/// Each connector registers one; the host picks it by <see cref="Platform"/> and knows nothing else about the platform.
/// </summary>
public interface IStoreConnector
{
    /// <summary>The platform's identifier (<see cref="Platforms"/>), as the request names it.</summary>
    string Platform { get; }

    /// <summary>The request field that names the shop (<c>shopDomain</c>, <c>siteUrl</c>), for problems about the shop itself.</summary>
    string ShopField { get; }

    /// <summary>Every problem found without calling the platform (required fields, domain and URL formats); empty when none.</summary>
    IReadOnlyList<FieldProblem> Validate(StoreConnectionRequest request);

    /// <summary>The external id a valid request would create or update (for spotting duplicates before connecting), or null.</summary>
    string? ExternalId(StoreConnectionRequest request);

    /// <summary>Checks the credentials against the platform's API, then saves the store with them.</summary>
    Task<StoreConnectionResult> ConnectAsync(StoreConnectionRequest request, CancellationToken ct);
}
