namespace CartRecovery.Testing.Emulators.Shopify;

/// <summary>What the token endpoint returns for one successful grant.</summary>
internal sealed record ShopifyTokenGrant(string AccessToken, string Scope, int? ExpiresIn, string? RefreshToken, int? RefreshTokenExpiresIn, bool Online);
