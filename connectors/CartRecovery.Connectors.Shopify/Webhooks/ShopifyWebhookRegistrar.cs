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

    // Every subscription of the app to our address; the shop has fewer than 50 (one per topic).
    private const string ListQuery = """
        query CartRecoveryWebhookSubscriptions($first: Int!, $uri: String) {
          webhookSubscriptions(first: $first, uri: $uri) {
            nodes { id topic }
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
    public Task RegisterAsync(ShopifyConnection connection, CancellationToken ct) => CreateAsync(connection, Topics, ct);

    /// <summary>The topics of <see cref="Topics"/> that have no subscription to <see cref="CallbackUrl"/> at the shop.</summary>
    /// <exception cref="ShopifyApiException">The call failed.</exception>
    public async Task<IReadOnlyList<string>> MissingTopicsAsync(ShopifyConnection connection, CancellationToken ct)
    {
        var data = await _client.QueryAsync(connection, ListQuery, new { first = 50, uri = CallbackUrl.AbsoluteUri }, ct);
        var present = data.GetProperty("webhookSubscriptions").GetProperty("nodes").EnumerateArray()
            .Select(n => n.GetProperty("topic").GetString()).ToHashSet(StringComparer.Ordinal);
        return [.. Topics.Where(t => !present.Contains(t))];
    }

    /// <summary>Creates the subscriptions of <paramref name="topics"/>; one that exists already counts as done.</summary>
    /// <exception cref="ShopifyApiException">Shopify refused a subscription for another reason, or the call failed.</exception>
    public async Task CreateAsync(ShopifyConnection connection, IEnumerable<string> topics, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(topics);
        foreach (var topic in topics)
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
