using System.Globalization;
using CartRecovery.Connectors.WooCommerce.Api;
using CartRecovery.Core.Recovery;
using CartRecovery.Core.Storefronts;
using Microsoft.Extensions.Options;

namespace CartRecovery.Connectors.WooCommerce.Webhooks;

/// <summary>
/// Subscribes a store to its order webhooks, replacing the ones an earlier connection made (their secret is gone, so
/// their deliveries would fail verification and WooCommerce would disable them after a few failures anyway).
/// </summary>
internal sealed class WooCommerceWebhookRegistrar(
    WooCommerceClient client,
    IConnectorStateRepository state,
    RecoveryOptions recovery,
    IOptions<WooCommerceOptions> options)
{
    /// <summary>Comma-separated ids of the webhooks CartRecovery created on the store.</summary>
    public const string StateKey = "woocommerce:webhooks";

    /// <summary>
    /// created and updated carry the order as the REST API shows it at delivery time; deleted (moved to trash) carries
    /// only <c>{"id": N}</c> and lets a trashed pending order stop its emails before the next poll.
    /// </summary>
    public static readonly IReadOnlyList<string> Topics = ["order.created", "order.updated", "order.deleted"];

    public Uri DeliveryUrl(long storeId)
    {
        var root = recovery.PublicBaseUrl.AbsoluteUri.TrimEnd('/') + "/";
        return new Uri(new Uri(root), "webhooks/woocommerce/" + storeId.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Registers every topic; returns null on success, else what went wrong (the store still works by polling).</summary>
    public async Task<string?> RegisterAsync(WooCommerceConnection connection, long storeId, string secret, CancellationToken ct)
    {
        foreach (var oldId in ParseIds(await state.GetAsync(storeId, StateKey, ct)))
        {
            try
            {
                await client.DeleteWebhookAsync(connection, oldId, ct);
            }
            catch (WooCommerceApiException)
            {
                // A webhook we cannot delete keeps failing signature checks and gets disabled by WooCommerce.
            }
        }

        var created = new List<long>();
        string? warning = null;
        foreach (var topic in Topics)
        {
            try
            {
                var webhook = await client.CreateWebhookAsync(connection, topic, DeliveryUrl(storeId), secret, $"{options.Value.AppName} {topic}", ct);
                created.Add(webhook.Id);
            }
            catch (WooCommerceApiException error)
            {
                warning = $"Webhook {topic} could not be registered ({error.Message}); changes will arrive by polling only.";
                break;
            }
        }
        await state.SetAsync(storeId, StateKey, string.Join(",", created.Select(id => id.ToString(CultureInfo.InvariantCulture))), ct);
        return warning;
    }

    /// <summary>
    /// Lists the shop's webhooks and re-creates each of <see cref="Topics"/> that has no active webhook to this store's
    /// delivery URL (deleted in wp-admin, or disabled by WooCommerce after failed deliveries), signed with the store's
    /// secret; the stored ids then name the webhooks that exist.
    /// </summary>
    /// <exception cref="WooCommerceApiException">Listing or creating failed.</exception>
    public async Task<(IReadOnlyList<string> Missing, IReadOnlyList<string> Recreated)> EnsureAsync(WooCommerceConnection connection, long storeId,
        string secret, CancellationToken ct)
    {
        var url = DeliveryUrl(storeId).AbsoluteUri;
        var ours = (await client.ListWebhooksAsync(connection, ct)).Where(w => w.DeliveryUrl == url).ToList();
        var active = ours.Where(w => w.Status == "active").ToList();
        var missing = Topics.Where(t => !active.Exists(w => w.Topic == t)).ToList();
        var ids = active.Select(w => w.Id).ToList();
        var recreated = new List<string>();
        foreach (var topic in missing)
        {
            // A disabled one of ours for this topic would stay disabled for ever: replaced, not kept beside the new one.
            foreach (var stale in ours.Where(w => w.Topic == topic))
                await client.DeleteWebhookAsync(connection, stale.Id, ct);
            var webhook = await client.CreateWebhookAsync(connection, topic, DeliveryUrl(storeId), secret, $"{options.Value.AppName} {topic}", ct);
            ids.Add(webhook.Id);
            recreated.Add(topic);
        }
        if (missing.Count > 0)
            await state.SetAsync(storeId, StateKey, string.Join(",", ids.Select(id => id.ToString(CultureInfo.InvariantCulture))), ct);
        return (missing, recreated);
    }

    private static IEnumerable<long> ParseIds(string? text) =>
        (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0)
            .Where(id => id > 0);
}
