namespace CartRecovery.Testing.Emulators.Shopify;

/// <summary>An offline access token minted by <see cref="ShopifyEmulator.IssueOfflineToken"/>.</summary>
public sealed record ShopifyIssuedToken(
    string AccessToken,
    string Scope,
    DateTimeOffset? ExpiresAt,
    string? RefreshToken,
    DateTimeOffset? RefreshTokenExpiresAt);
