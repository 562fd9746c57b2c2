namespace CartRecovery.Connectors.Shopify.Auth;

/// <summary>
/// A verified App Bridge session token (ID token): which shop's admin framed us and which staff user opened the app.
/// Only <see cref="ShopifySessionTokenVerifier"/> makes one.
/// </summary>
internal sealed record ShopifySessionToken
{
    /// <summary>The shop's permanent <c>name.myshopify.com</c> domain, lower case (the host of <c>dest</c>).</summary>
    public required string Shop { get; init; }

    /// <summary>The staff user's id (<c>sub</c>).</summary>
    public required string UserId { get; init; }

    /// <summary>The admin session (<c>sid</c>), when present.</summary>
    public string? SessionId { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>The token as received: token exchange sends it back to Shopify as the subject token.</summary>
    public required string Raw { get; init; }

    public override string ToString() => $"ShopifySessionToken {{ Shop = {Shop}, UserId = {UserId}, token hidden }}";
}
