namespace CartRecovery.Testing.Emulators.Shopify;

/// <summary>
/// A storefront access token created through <c>storefrontAccessTokenCreate</c>: it carries the unauthenticated
/// access scopes the app had when it was created (admin-rest StorefrontAccessToken: "inherits all of the
/// unauthenticated access scopes from the app that creates it").
/// </summary>
public sealed record ShopifyEmulatorStorefrontToken(string Id, string AccessToken, string Title, string Scopes, DateTimeOffset CreatedAt);
