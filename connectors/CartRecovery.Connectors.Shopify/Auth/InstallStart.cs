namespace CartRecovery.Connectors.Shopify.Auth;

/// <summary>
/// The outcome of an install request: where to send the merchant and the nonce to keep (in a cookie) until the callback,
/// or why the request was refused.
/// </summary>
internal sealed record InstallStart
{
    public bool Succeeded => Error is null;

    /// <summary>Shopify's authorize page for the shop, with client id, scopes, redirect URI and state.</summary>
    public Uri? AuthorizeUrl { get; init; }

    /// <summary>The fresh random nonce sent as <c>state</c>; the callback must bring it back.</summary>
    public string? State { get; init; }

    /// <summary>The verified shop domain.</summary>
    public string? Shop { get; init; }

    public ShopifyInstallError? Error { get; init; }

    /// <summary>A sentence for the merchant or operator saying what was wrong.</summary>
    public string? Reason { get; init; }

    public static InstallStart Fail(ShopifyInstallError error, string reason) => new() { Error = error, Reason = reason };
}
