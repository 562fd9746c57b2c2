using System.Text.Json;
using CartRecovery.Connectors.Shopify.Admin;
using CartRecovery.Connectors.Shopify.Webhooks;
using CartRecovery.Core.Outbound;
using CartRecovery.Core.Sequences;
using CartRecovery.Core.Stores;
using CartRecovery.Core.Webhooks;

namespace CartRecovery.Connectors.Shopify.Auth;

/// <summary>The shop facts a store record is built from (GraphQL <c>shop</c>).</summary>
internal sealed record ShopifyShopInfo(string Name, string SenderEmail, string Currency, string TimeZone, string StorefrontUrl);

/// <summary>
/// The last steps both connection paths share once a token is in hand: read the shop with it, subscribe the webhooks,
/// then (and only then) write the store and its credentials. Anything refused before the writes leaves nothing behind.
/// </summary>
internal sealed class ShopifyStoreRegistration
{
    private const string ShopQuery = """
        query CartRecoveryShop {
          shop { name email contactEmail currencyCode ianaTimezone myshopifyDomain primaryDomain { url } }
        }
        """;

    private readonly ShopifyAdminClient _client;
    private readonly ShopifyWebhookRegistrar _webhooks;
    private readonly IStoreRepository _stores;
    private readonly IStoreCredentialRepository _credentials;
    private readonly WebhookSigners _signers;
    private readonly TimeProvider _time;

    public ShopifyStoreRegistration(
        ShopifyAdminClient client, ShopifyWebhookRegistrar webhooks, IStoreRepository stores, IStoreCredentialRepository credentials, WebhookSigners signers,
        TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(webhooks);
        ArgumentNullException.ThrowIfNull(stores);
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(signers);
        ArgumentNullException.ThrowIfNull(time);
        _client = client;
        _webhooks = webhooks;
        _stores = stores;
        _credentials = credentials;
        _signers = signers;
        _time = time;
    }

    /// <summary>
    /// Verifies the token by reading the shop, subscribes the webhooks, upserts the store (a reinstall reactivates it and
    /// keeps the merchant's own settings) and saves the credentials <paramref name="credentials"/> builds for its id.
    /// </summary>
    internal async Task<InstallResult> ConnectAsync(
        string shop, string? storeApiBaseUrl, ShopifyConnection connection, Func<long, StoreCredentials> credentials, CancellationToken ct)
    {
        ShopifyShopInfo info;
        try
        {
            info = await ReadShopAsync(shop, connection, ct);
        }
        catch (ShopifyApiException error) when (error.StatusCode is 401 or 403)
        {
            return InstallResult.Fail(ShopifyInstallError.TokenRejected, $"Shopify rejected the access token for {shop} ({error.StatusCode}).");
        }
        catch (ShopifyApiException error)
        {
            return InstallResult.Fail(ShopifyInstallError.ShopUnreachable, $"Could not read the shop {shop}: {error.Message}");
        }

        try
        {
            await _webhooks.RegisterAsync(connection, ct);
        }
        catch (ShopifyApiException error)
        {
            return InstallResult.Fail(ShopifyInstallError.WebhookRegistrationFailed, $"Could not subscribe {shop} to webhooks: {error.Message}");
        }

        var store = await SaveStoreAsync(shop, storeApiBaseUrl, info, ct);
        await _credentials.SaveAsync(credentials(store.Id), ct);
        _signers.Clear();
        return InstallResult.Ok(store);
    }

    /// <summary>
    /// The end of both public-app installs (authorization code and token exchange): checks the granted scopes against
    /// <paramref name="requiredScopes"/>, then connects the shop with the expiring offline token and its refresh token.
    /// </summary>
    internal async Task<InstallResult> ConnectGrantAsync(string shop, Uri shopBase, ShopifyTokenResponse token, string requiredScopes, CancellationToken ct)
    {
        var missing = ShopifyScopes.Missing(requiredScopes, token.Scope);
        if (missing.Count > 0)
            return InstallResult.Fail(ShopifyInstallError.ScopesNotGranted,
                $"The app needs these access scopes, which were not granted: {string.Join(", ", missing)}.");

        var now = _time.GetUtcNow();
        return await ConnectAsync(shop, null, new ShopifyConnection(shopBase, token.AccessToken), storeId => new StoreCredentials
        {
            StoreId = storeId,
            AccessToken = token.AccessToken,
            AccessTokenExpiresAt = token.ExpiresIn is { } lifetime ? now + lifetime : null,
            RefreshToken = token.RefreshToken,
            RefreshTokenExpiresAt = token.RefreshTokenExpiresIn is { } refreshLifetime ? now + refreshLifetime : null,
            Scopes = token.Scope,
            UpdatedAt = now,
        }, ct);
    }

    private async Task<ShopifyShopInfo> ReadShopAsync(string shop, ShopifyConnection connection, CancellationToken ct)
    {
        var data = await _client.QueryAsync(connection, ShopQuery, null, ct);
        if (!data.TryGetProperty("shop", out var node) || node.ValueKind != JsonValueKind.Object)
            throw new ShopifyApiException("Shopify's answer has no shop.", 200, isTransient: false);
        var name = Text(node, "name") ?? shop;
        var email = Text(node, "contactEmail") ?? Text(node, "email") ?? $"no-reply@{shop}";
        var primaryUrl = node.TryGetProperty("primaryDomain", out var domain) && domain.ValueKind == JsonValueKind.Object ? Text(domain, "url") : null;
        // The primary domain becomes a link on our pages and a host restore links may go to: a web link, or the shop itself.
        var storefront = OutboundUrlPolicy.IsWebLink(primaryUrl) ? new Uri(primaryUrl!).AbsoluteUri : $"https://{shop}/";
        return new ShopifyShopInfo(name, email, Text(node, "currencyCode") ?? "USD", Text(node, "ianaTimezone") ?? "UTC",
            storefront.EndsWith('/') ? storefront : storefront + "/");
    }

    private async Task<Store> SaveStoreAsync(string shop, string? storeApiBaseUrl, ShopifyShopInfo info, CancellationToken ct)
    {
        var existing = await _stores.FindAsync(Platforms.Shopify, shop, ct);
        // The shop's facts come from Shopify every time; sender, locale and sequence may have been tuned by the
        // merchant since the first install, so a reinstall keeps them.
        var store = existing is null
            ? new Store
            {
                Platform = Platforms.Shopify,
                ExternalId = shop,
                Name = info.Name,
                StorefrontUrl = info.StorefrontUrl,
                Currency = info.Currency,
                TimeZone = info.TimeZone,
                Locale = "en",
                Sequence = SequencePresets.Standard.Name,
                SenderEmail = info.SenderEmail,
                SenderName = info.Name,
                Status = StoreStatus.Active,
                ApiBaseUrl = storeApiBaseUrl,
                CreatedAt = _time.GetUtcNow(),
            }
            : existing with
            {
                Name = info.Name,
                StorefrontUrl = info.StorefrontUrl,
                Currency = info.Currency,
                TimeZone = info.TimeZone,
                Status = StoreStatus.Active,
                ApiBaseUrl = storeApiBaseUrl,
            };
        return await _stores.UpsertAsync(store, ct);
    }

    private static string? Text(JsonElement node, string name) =>
        node.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()
            : null;
}
