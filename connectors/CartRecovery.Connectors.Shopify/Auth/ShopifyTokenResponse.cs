namespace CartRecovery.Connectors.Shopify.Auth;

/// <summary>
/// What <c>/admin/oauth/access_token</c> returns. Expiring offline tokens last <see cref="ExpiresIn"/> (an hour) and come
/// with a refresh token that rotates on every refresh
/// (https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens/offline-access-tokens).
/// </summary>
internal sealed record ShopifyTokenResponse(
    string AccessToken,
    string? Scope,
    TimeSpan? ExpiresIn,
    string? RefreshToken,
    TimeSpan? RefreshTokenExpiresIn)
{
    public override string ToString() => $"ShopifyTokenResponse {{ Scope = {Scope}, ExpiresIn = {ExpiresIn}, tokens hidden }}";
}
