using CartRecovery.Connectors.WooCommerce.Api;
using CartRecovery.Connectors.WooCommerce.Connect;
using CartRecovery.Core.FeedHealth;
using CartRecovery.Core.Stores;

namespace CartRecovery.Connectors.WooCommerce.Webhooks;

/// <summary>The periodic check of a WooCommerce store's order webhooks; see <see cref="WooCommerceWebhookRegistrar.EnsureAsync"/>.</summary>
internal sealed class WooCommerceWebhookSubscriptions(WooCommerceStoreConnections connections, WooCommerceWebhookRegistrar registrar) : IWebhookSubscriptions
{
    public string Platform => Platforms.WooCommerce;

    public async Task<SubscriptionCheck> EnsureAsync(Store store, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        var connection = await connections.GetAsync(store, ct);
        var secret = await connections.GetWebhookSecretAsync(store.Id, ct);
        if (connection is null || secret is null)
            return new SubscriptionCheck(WooCommerceWebhookRegistrar.Topics, [], "The store has no saved keys: connect it again.");
        try
        {
            var (missing, recreated) = await registrar.EnsureAsync(connection, store.Id, secret, ct);
            return missing.Count == 0 ? SubscriptionCheck.AllPresent : new SubscriptionCheck(missing, recreated, null);
        }
        catch (WooCommerceApiException error)
        {
            return new SubscriptionCheck([], [], PollFailure.Describe(error));
        }
    }
}
