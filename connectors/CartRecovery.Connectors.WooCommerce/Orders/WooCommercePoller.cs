using System.Text.Json;
using CartRecovery.Connectors.WooCommerce.Api;
using CartRecovery.Connectors.WooCommerce.Connect;
using CartRecovery.Core.Storefronts;
using CartRecovery.Core.Stores;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CartRecovery.Connectors.WooCommerce.Orders;

/// <summary>
/// The catch-up path: reads the orders changed since the last pass (<c>modified_after</c> + <c>dates_are_gmt</c>,
/// oldest change first) in the abandonment states and in the states that convert or close a cart, and ingests them.
/// The cursor (<see cref="CursorStateKey"/>) is saved after each page is fully ingested, so a crash or restart resumes
/// where the last complete page ended; re-reading a page is harmless because ingestion is idempotent.
/// </summary>
internal sealed partial class WooCommercePoller(
    WooCommerceClient client,
    WooCommerceStoreConnections connections,
    WooCommerceOrderIngestion orders,
    IConnectorStateRepository state,
    IOptions<WooCommerceOptions> options,
    TimeProvider time,
    ILogger<WooCommercePoller> logger) : IStorePoller
{
    public const string CursorStateKey = "woocommerce:orders:modified_after";

    /// <summary>"unsupported" once the store refused <c>status=checkout-draft</c> (no block checkout registered).</summary>
    public const string DraftsStateKey = "woocommerce:orders:drafts";
    private const string Unsupported = "unsupported";

    public string Platform => Platforms.WooCommerce;

    public async Task<int> PollAsync(Store store, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (store.Status != StoreStatus.Active || !string.Equals(store.Platform, Platform, StringComparison.OrdinalIgnoreCase))
            return 0;
        var connection = await connections.GetAsync(store, ct);
        if (connection is null)
        {
            Log.NoCredentials(logger, store.Id);
            return 0;
        }

        var settings = options.Value;
        var cursor = OrderCursor.Parse(await state.GetAsync(store.Id, CursorStateKey, ct))
            ?? OrderCursor.Start(time.GetUtcNow() - settings.InitialLookback);
        var drafts = await state.GetAsync(store.Id, DraftsStateKey, ct) != Unsupported;
        int reported = 0, productivePages = 0, idlePages = 0, page = 0;
        DateTimeOffset? queriedFrom = null;

        // Pages that only repeat orders already seen (many orders in one second, after a restart) do not count as work,
        // but are bounded too, so a server that ignores `page` cannot keep the job forever.
        while (productivePages < settings.MaxPagesPerPoll && idlePages <= settings.MaxPagesPerPoll)
        {
            var from = cursor.ModifiedAt.AddSeconds(-1);
            page = from == queriedFrom ? page + 1 : 1;
            queriedFrom = from;
            WooCommercePage<JsonElement> result;
            try
            {
                result = await client.ListOrdersAsync(connection, from, WooCommerceOrderStatuses.Polled(drafts), page, settings.PollPageSize, ct);
            }
            catch (WooCommerceApiException error) when (drafts && error is { StatusCode: 400, ErrorCode: "rest_invalid_param" })
            {
                drafts = false;
                queriedFrom = null;
                await state.SetAsync(store.Id, DraftsStateKey, Unsupported, ct);
                Log.DraftsUnsupported(logger, store.Id);
                continue;
            }

            var next = cursor;
            var fresh = 0;
            foreach (var order in result.Items)
            {
                if (!TryReadPosition(order, out var id, out var modifiedAt))
                {
                    Log.Unreadable(logger, store.Id);
                    continue;
                }
                if (cursor.Covers(modifiedAt, id))
                    continue;
                fresh++;
                next = next.Advance(modifiedAt, id);
                try
                {
                    await orders.IngestAsync(store, order, ct);
                    reported++;
                }
                catch (FormatException error)
                {
                    // One malformed order must not block the store: it is skipped (and logged), the cursor moves past it.
                    Log.Skipped(logger, error, store.Id, id);
                }
            }
            if (fresh > 0)
            {
                cursor = next;
                await state.SetAsync(store.Id, CursorStateKey, cursor.Format(), ct);
                productivePages++;
            }
            else
            {
                idlePages++;
            }
            if (result.Items.Count < settings.PollPageSize || !result.HasMore)
                break;
        }
        if (reported > 0)
            Log.Polled(logger, store.Id, reported);
        return reported;
    }

    private static bool TryReadPosition(JsonElement order, out long id, out DateTimeOffset modifiedAt)
    {
        try
        {
            id = WooCommerceOrderMapper.ReadId(order);
            modifiedAt = WooCommerceOrderMapper.ReadModifiedAt(order);
            return true;
        }
        catch (FormatException)
        {
            id = 0;
            modifiedAt = default;
            return false;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(4511, LogLevel.Information, "Polled WooCommerce store {StoreId}: {Reported} orders ingested")]
        public static partial void Polled(ILogger logger, long storeId, int reported);

        [LoggerMessage(4512, LogLevel.Error, "WooCommerce store {StoreId} has no usable credentials; reconnect it")]
        public static partial void NoCredentials(ILogger logger, long storeId);

        [LoggerMessage(4513, LogLevel.Information, "WooCommerce store {StoreId} does not know the checkout-draft status; polling without drafts")]
        public static partial void DraftsUnsupported(ILogger logger, long storeId);

        [LoggerMessage(4514, LogLevel.Warning, "WooCommerce store {StoreId} returned an order without id or dates; skipped")]
        public static partial void Unreadable(ILogger logger, long storeId);

        [LoggerMessage(4515, LogLevel.Warning, "WooCommerce store {StoreId}: order {OrderId} could not be mapped; skipped")]
        public static partial void Skipped(ILogger logger, Exception error, long storeId, long orderId);
    }
}
