namespace CartRecovery.Web.Features.Stores;

/// <summary>
/// A shop to connect with credentials the agency already holds: the body of <c>POST /api/stores</c> and one row of
/// <c>stores import</c> (same names as CSV columns or JSON properties).
/// </summary>
public sealed record CreateStoreRequest(
    string? Platform,
    string? ShopDomain,
    string? AccessToken,
    string? ApiBaseUrl,
    string? SiteUrl,
    string? ConsumerKey,
    string? ConsumerSecret,
    string? WebhookSecret);
