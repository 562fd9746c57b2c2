using CartRecovery.Connectors.Shopify.Admin;
using CartRecovery.Core.FeedHealth;
using CartRecovery.Core.Stores;

namespace CartRecovery.Connectors.Shopify.Webhooks;

/// <summary>
/// The periodic check of a shop's webhook subscriptions: lists the app's subscriptions to our address
/// (<c>webhookSubscriptions(uri:)</c>) and re-creates the topics missing from it with <c>webhookSubscriptionCreate</c>.
/// </summary>
internal sealed class ShopifyWebhookSubscriptions(ShopifyStoreApi api, ShopifyWebhookRegistrar registrar) : IWebhookSubscriptions
{
    public string Platform => Platforms.Shopify;

    public async Task<SubscriptionCheck> EnsureAsync(Store store, CancellationToken ct)
    {
        IReadOnlyList<string> missing = [];
        try
        {
            var connection = await api.ConnectAsync(store, ct);
            missing = await registrar.MissingTopicsAsync(connection, ct);
            if (missing.Count == 0)
                return SubscriptionCheck.AllPresent;
            await registrar.CreateAsync(connection, missing, ct);
            return new SubscriptionCheck(missing, missing, null);
        }
        catch (ShopifyApiException error)
        {
            return new SubscriptionCheck(missing, [], PollFailure.Describe(error));
        }
    }
}
