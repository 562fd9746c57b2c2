using CartRecovery.Connectors.WooCommerce.Api;
using CartRecovery.Core.Stores;
using Microsoft.Extensions.Options;

namespace CartRecovery.Connectors.WooCommerce.Connect;

/// <summary>
/// Turns a store's saved credentials into a <see cref="WooCommerceConnection"/>. The consumer key is the
/// <see cref="StoreCredentials.AccessToken"/>; the consumer secret and our webhook secret live in
/// <see cref="StoreCredentials.Extra"/>; the credential store encrypts all of them at rest.
/// </summary>
internal sealed class WooCommerceStoreConnections(IStoreCredentialRepository credentials, IOptions<WooCommerceOptions> options)
{
    public const string ConsumerSecretKey = "consumer_secret";
    public const string WebhookSecretKey = "webhook_secret";

    /// <summary>The connection of a WooCommerce store, or null when it has no (complete) credentials.</summary>
    public async Task<WooCommerceConnection?> GetAsync(Store store, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        var saved = await credentials.GetAsync(store.Id, ct);
        if (saved is null || !saved.Extra.TryGetValue(ConsumerSecretKey, out var secret)
            || !Uri.TryCreate(store.ExternalId, UriKind.Absolute, out var site))
            return null;
        var apiBase = store.ApiBaseUrl is { } text && Uri.TryCreate(text, UriKind.Absolute, out var api) ? api : null;
        return Create(site, saved.AccessToken, secret, apiBase);
    }

    /// <summary>The secret WooCommerce signs this store's webhooks with; the host verifies <c>X-WC-Webhook-Signature</c> with it.</summary>
    public async Task<string?> GetWebhookSecretAsync(long storeId, CancellationToken ct)
    {
        var saved = await credentials.GetAsync(storeId, ct);
        return saved is not null && saved.Extra.TryGetValue(WebhookSecretKey, out var secret) ? secret : null;
    }

    public WooCommerceConnection Create(Uri siteUrl, string consumerKey, string consumerSecret, Uri? apiBaseUrl = null) =>
        new(siteUrl, consumerKey, consumerSecret, apiBaseUrl ?? options.Value.ApiBaseUrlOverride);

    internal static StoreCredentials ToCredentials(long storeId, WooCommerceConnection connection, string webhookSecret, string permissions, DateTimeOffset now) => new()
    {
        StoreId = storeId,
        AccessToken = connection.ConsumerKey,
        Scopes = permissions,
        Extra = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ConsumerSecretKey] = connection.ConsumerSecret,
            [WebhookSecretKey] = webhookSecret,
        },
        UpdatedAt = now,
    };
}
