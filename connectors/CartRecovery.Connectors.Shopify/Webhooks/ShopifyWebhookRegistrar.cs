using CartRecovery.Connectors.Shopify.Admin;
using CartRecovery.Core.Recovery;

namespace CartRecovery.Connectors.Shopify.Webhooks;

/// <summary>
/// Subscribes a shop to the webhooks CartRecovery processes, all delivered as JSON to <c>{PublicBaseUrl}webhooks/shopify</c>.
/// The mandatory compliance topics (customers/data_request, customers/redact, shop/redact) are not here on purpose: the
/// API cannot create them; they are app configuration (Dev Dashboard or <c>shopify.app.toml</c>, <c>compliance_topics</c>)
/// and must point at the same URL.
/// </summary>
internal sealed class ShopifyWebhookRegistrar
{
    /// <summary>GraphQL <c>WebhookSubscriptionTopic</c> values.</summary>
    internal static readonly IReadOnlyList<string> Topics = ["CHECKOUTS_CREATE", "CHECKOUTS_UPDATE", "CHECKOUTS_DELETE", "ORDERS_CREATE", "APP_UNINSTALLED", "APP_SUBSCRIPTIONS_UPDATE"];

    // WebhookSubscriptionInput.uri replaced the deprecated callbackUrl (2025-10 and later); the pinned version takes uri.
    private const string CreateMutation = """
        mutation CartRecoveryWebhook($topic: WebhookSubscriptionTopic!, $webhookSubscription: WebhookSubscriptionInput!) {
          webhookSubscriptionCreate(topic: $topic, webhookSubscription: $webhookSubscription) {
            webhookSubscription { id }
            userErrors { field message }
          }
        }
        """;

    private readonly ShopifyAdminClient _client;
    private readonly RecoveryOptions _recovery;

    public ShopifyWebhookRegistrar(ShopifyAdminClient client, RecoveryOptions recovery)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(recovery);
        _client = client;
        _recovery = recovery;
    }

    /// <summary>Where Shopify delivers this app's webhooks.</summary>
    public Uri CallbackUrl => new(_recovery.PublicBaseUrl, "webhooks/shopify");

    /// <summary>Creates every subscription; one that exists already counts as done (a reinstall re-runs this).</summary>
    /// <exception cref="ShopifyApiException">Shopify refused a subscription for another reason, or the call failed.</exception>
    public async Task RegisterAsync(ShopifyConnection connection, CancellationToken ct)
    {
        foreach (var topic in Topics)
        {
            var data = await _client.MutateAsync(connection, CreateMutation,
                new { topic, webhookSubscription = new { uri = CallbackUrl.AbsoluteUri, format = "JSON" } }, ct);
            var errors = ShopifyUserError.Read(data, "webhookSubscriptionCreate");
            if (errors.Count > 0 && !errors.All(IsAlreadyTaken))
                throw new ShopifyApiException($"Shopify refused the {topic} webhook: {ShopifyUserError.Describe(errors)}", 200, isTransient: false);
        }
    }

    // "Address for this topic has already been taken": the subscription exists, which is what we want.
    private static bool IsAlreadyTaken(ShopifyUserError error) =>
        error.Message.Contains("already been taken", StringComparison.OrdinalIgnoreCase)
        || string.Equals(error.Code, "TAKEN", StringComparison.OrdinalIgnoreCase);
}
