using CartRecovery.Connectors.Shopify.Admin;
using CartRecovery.Core.Outbound;
using CartRecovery.Core.Stores;
using Microsoft.Extensions.Options;

namespace CartRecovery.Connectors.Shopify.Auth;

/// <summary>
/// Connects a shop with an Admin API token the merchant or agency already has (a custom app made in the shop's admin),
/// for scripted onboarding of many shops. The token is checked against the API before anything is saved.
/// </summary>
internal sealed class ShopifyOnboarding
{
    private readonly ShopifyStoreRegistration _registration;
    private readonly IOptions<ShopifyOptions> _options;
    private readonly OutboundOptions _outbound;
    private readonly TimeProvider _time;

    public ShopifyOnboarding(ShopifyStoreRegistration registration, IOptions<ShopifyOptions> options, OutboundOptions outbound, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(registration);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(outbound);
        ArgumentNullException.ThrowIfNull(time);
        _registration = registration;
        _options = options;
        _outbound = outbound;
        _time = time;
    }

    /// <summary>The key in <see cref="StoreCredentials.Extra"/> of a custom app's own API secret, which signs its webhooks.</summary>
    public const string WebhookSecretKey = "webhook_secret";

    /// <summary>
    /// Validates the domain, reads the shop with <paramref name="accessToken"/> (401 means rejected), subscribes webhooks,
    /// then upserts the store (with its own <paramref name="apiBaseUrl"/>, if given) and saves the non-expiring token.
    /// A custom app signs its webhooks with its own API secret, not ours: pass it as <paramref name="webhookSecret"/> so
    /// they verify; without it the store is served by polling alone (its webhooks get 401).
    /// </summary>
    public async Task<InstallResult> ConnectWithTokenAsync(string shopDomain, string accessToken, string? apiBaseUrl, CancellationToken ct,
        string? webhookSecret = null)
    {
        var shop = shopDomain?.Trim();
        if (!ShopifyHmac.IsValidShopDomain(shop))
            return InstallResult.Fail(ShopifyInstallError.InvalidShop, "The shop must be its permanent name.myshopify.com domain.");
        if (string.IsNullOrWhiteSpace(accessToken))
            return InstallResult.Fail(ShopifyInstallError.TokenRejected, "An Admin API access token is required.");
        if (!string.IsNullOrWhiteSpace(apiBaseUrl)
            && OutboundUrlPolicy.Check(Uri.TryCreate(apiBaseUrl.Trim(), UriKind.Absolute, out var api) ? api : null, _outbound, "apiBaseUrl") is { } refused)
            return InstallResult.Fail(ShopifyInstallError.InvalidApiBaseUrl, refused);

        shop = ShopifyInstallFlow.Normalize(shop!);
        var storeApiBaseUrl = string.IsNullOrWhiteSpace(apiBaseUrl) ? null : apiBaseUrl.Trim();
        var token = accessToken.Trim();
        var connection = new ShopifyConnection(ShopifyEndpoints.ShopBase(shop, storeApiBaseUrl, _options.Value), token);
        var now = _time.GetUtcNow();
        // Custom-app tokens do not expire and come without a refresh token; the token provider uses them as they are.
        return await _registration.ConnectAsync(shop, storeApiBaseUrl, connection,
            storeId => new StoreCredentials
            {
                StoreId = storeId,
                AccessToken = token,
                UpdatedAt = now,
                Extra = string.IsNullOrWhiteSpace(webhookSecret)
                    ? new Dictionary<string, string>()
                    : new Dictionary<string, string> { [WebhookSecretKey] = webhookSecret.Trim() },
            }, ct);
    }
}
