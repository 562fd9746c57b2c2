using CartRecovery.Core.Stores;

namespace CartRecovery.Web.Features.Stores;

/// <summary>
/// Connecting a shop with credentials already held, shared by <c>POST /api/stores</c> and the <c>stores import</c> verb:
/// the request names its platform, and that platform's <see cref="IStoreConnector"/> (one per connector, registered by
/// its <c>AddXConnector()</c>) checks the fields offline (<see cref="Validate"/>), then the credentials against its API
/// before anything is saved.
/// </summary>
internal sealed class StoreOnboarding(IEnumerable<IStoreConnector> connectors)
{
    private readonly IReadOnlyList<IStoreConnector> _connectors = [.. connectors];

    /// <summary>Every problem found without calling the platform (required fields, platform, domain and URL formats).</summary>
    public IReadOnlyList<FieldProblem> Validate(CreateStoreRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var platform = NormalizedPlatform(request);
        if (platform.Length == 0)
            return [new("platform", $"platform is required: {PlatformNames()}")];
        return Find(platform) is { } connector
            ? connector.Validate(request.ToConnection())
            : [new("platform", $"platform must be {PlatformNames()}")];
    }

    /// <summary>
    /// The (platform, external id) a valid request would create or update, for spotting duplicates before connecting, and
    /// the request field that names the shop.
    /// </summary>
    public (string Platform, string ExternalId, string ShopField)? Identity(CreateStoreRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Find(NormalizedPlatform(request)) is { } connector && connector.ExternalId(request.ToConnection()) is { } externalId
            ? (connector.Platform, externalId, connector.ShopField)
            : null;
    }

    /// <summary>Validates, then checks the credentials with the platform and saves the store with them.</summary>
    public async Task<StoreConnectionResult> ConnectAsync(CreateStoreRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Validate(request) is [var first, ..])
            return StoreConnectionResult.Failed(StoreConnectionFailure.Invalid, first.Field, first.Problem);
        return await Find(NormalizedPlatform(request))!.ConnectAsync(request.ToConnection(), ct);
    }

    private IStoreConnector? Find(string platform) => _connectors.FirstOrDefault(c => c.Platform == platform);

    /// <summary>The platforms that can be connected, as a request names them: "shopify or woocommerce".</summary>
    private string PlatformNames() => _connectors.Count switch
    {
        0 => "no platform is registered",
        1 => _connectors[0].Platform,
        _ => $"{string.Join(", ", _connectors.SkipLast(1).Select(c => c.Platform))} or {_connectors[^1].Platform}",
    };

#pragma warning disable CA1308 // platform names are lower-case identifiers
    private static string NormalizedPlatform(CreateStoreRequest request) => request.Platform?.Trim().ToLowerInvariant() ?? "";
#pragma warning restore CA1308
}
