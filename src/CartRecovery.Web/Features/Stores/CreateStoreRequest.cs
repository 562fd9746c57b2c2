using CartRecovery.Core.Stores;

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
    string? WebhookSecret)
{
    /// <summary>The fields for the platform's <see cref="IStoreConnector"/>, by their JSON names.</summary>
    public StoreConnectionRequest ToConnection() => new(new Dictionary<string, string?>(StringComparer.Ordinal)
    {
        ["shopDomain"] = ShopDomain,
        ["accessToken"] = AccessToken,
        ["apiBaseUrl"] = ApiBaseUrl,
        ["siteUrl"] = SiteUrl,
        ["consumerKey"] = ConsumerKey,
        ["consumerSecret"] = ConsumerSecret,
        ["webhookSecret"] = WebhookSecret,
    });
}
