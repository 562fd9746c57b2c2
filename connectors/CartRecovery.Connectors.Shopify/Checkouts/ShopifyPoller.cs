using System.Globalization;
using CartRecovery.Connectors.Shopify.Admin;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Recovery;
using CartRecovery.Core.Storefronts;
using CartRecovery.Core.Stores;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CartRecovery.Connectors.Shopify.Checkouts;

/// <summary>
/// The catch-up path: reads abandoned checkouts changed since the last pass (GraphQL <c>abandonedCheckouts</c>) and
/// reports each one. Webhooks are hints; this is what guarantees nothing is missed.
/// <para>
/// <c>AbandonedCheckoutSortKeys</c> has no UPDATED_AT (2026-10: CHECKOUT_ID, CREATED_AT, CUSTOMER_NAME, ID, RELEVANCE,
/// TOTAL_PRICE), so a pass filters on <c>updated_at:&gt;='since'</c> and walks that result set in id order. Within a pass the
/// page cursor is saved only after a page is fully ingested, so a crash replays a page and never skips one (replays are
/// harmless: upserts are idempotent). A pass may span several polls (<see cref="ShopifyOptions.PollMaxPages"/> per poll).
/// When it ends, the next pass starts from when this one started, less <see cref="PassOverlap"/> for clock skew and search
/// indexing lag, because in id order the largest <c>updatedAt</c> seen says nothing about checkouts updated behind the pass.
/// </para>
/// </summary>
internal sealed partial class ShopifyPoller : IStorePoller
{
    /// <summary>ISO-8601 lower bound of <c>updated_at</c> for the next pass.</summary>
    public const string CursorKey = "shopify:abandoned-checkouts:updated_at";

    /// <summary>Relay cursor after the last fully ingested page of the pass in progress; empty when none is.</summary>
    public const string PageKey = "shopify:abandoned-checkouts:after";

    /// <summary>When the pass in progress started (our clock, ISO-8601).</summary>
    public const string PassStartedKey = "shopify:abandoned-checkouts:pass_started";

    internal static readonly TimeSpan PassOverlap = TimeSpan.FromMinutes(10);

    /// <summary>Line items read per checkout; with <see cref="ShopifyOptions.PollPageSize"/> this bounds the query cost.</summary>
    internal const int LineItemsPerCheckout = 10;

    private const string PageQuery = """
        query CartRecoveryAbandonedCheckouts($first: Int!, $after: String, $query: String, $sortKey: AbandonedCheckoutSortKeys, $lineItems: Int!) {
          abandonedCheckouts(first: $first, after: $after, query: $query, sortKey: $sortKey) {
            nodes {
              id
              abandonedCheckoutUrl
              createdAt
              updatedAt
              completedAt
              customer {
                firstName
                lastName
                locale
                defaultEmailAddress { emailAddress marketingState }
                defaultPhoneNumber { phoneNumber marketingState }
              }
              shippingAddress { firstName lastName phone countryCodeV2 }
              subtotalPriceSet { shopMoney { amount currencyCode } }
              totalPriceSet { shopMoney { amount currencyCode } presentmentMoney { amount currencyCode } }
              lineItems(first: $lineItems) {
                nodes {
                  title
                  variantTitle
                  sku
                  quantity
                  originalUnitPriceSet { shopMoney { amount currencyCode } }
                  image { url }
                  variant { id }
                  product { id onlineStoreUrl }
                }
              }
            }
            pageInfo { hasNextPage endCursor }
          }
        }
        """;

    private readonly ShopifyStoreApi _api;
    private readonly ShopifyCartReporter _reporter;
    private readonly IConnectorStateRepository _state;
    private readonly IOptions<ShopifyOptions> _options;
    private readonly RecoveryOptions _recovery;
    private readonly TimeProvider _time;
    private readonly ILogger<ShopifyPoller> _logger;

    public ShopifyPoller(
        ShopifyStoreApi api, ShopifyCartReporter reporter, IConnectorStateRepository state, IOptions<ShopifyOptions> options,
        RecoveryOptions recovery, TimeProvider time, ILogger<ShopifyPoller> logger)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(reporter);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(recovery);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        (_api, _reporter, _state, _options, _recovery, _time, _logger) = (api, reporter, state, options, recovery, time, logger);
    }

    public string Platform => Platforms.Shopify;

    public async Task<int> PollAsync(Store store, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (store.Status != StoreStatus.Active)
            return 0;

        var options = _options.Value;
        var now = _time.GetUtcNow();
        // First pass: nothing older than the age past which carts are expired instead of enrolled is worth reading.
        var since = ParseTime(await _state.GetAsync(store.Id, CursorKey, ct)) ?? now - _recovery.MaxCartAge;
        var after = await _state.GetAsync(store.Id, PageKey, ct) is { Length: > 0 } saved ? saved : null;
        var passStarted = after is null ? null : ParseTime(await _state.GetAsync(store.Id, PassStartedKey, ct));
        if (passStarted is null)
        {
            after = null;
            passStarted = now;
            await _state.SetAsync(store.Id, PassStartedKey, FormatTime(now), ct);
        }

        var reported = 0;
        for (var page = 0; page < options.PollMaxPages; page++)
        {
            var data = await _api.QueryAsync(store, PageQuery, new
            {
                first = options.PollPageSize,
                after,
                query = $"updated_at:>='{FormatTime(since)}'",
                sortKey = "ID",
                lineItems = LineItemsPerCheckout,
            }, ct);
            var connection = ShopifyJson.Child(data, "abandonedCheckouts");
            foreach (var node in ShopifyJson.Nodes(connection))
            {
                CartSnapshot snapshot;
                try
                {
                    snapshot = ShopifyCheckoutMapper.FromGraphQl(store.Id, node);
                }
                catch (Exception error) when (error is FormatException or OverflowException)
                {
                    // One malformed checkout must not hold the whole store back; it is logged without its contents.
                    Log.Unmappable(_logger, error, store.Id, Platforms.Shopify);
                    continue;
                }
                await _reporter.ReportAsync(snapshot, ct);
                reported++;
            }

            var pageInfo = ShopifyJson.Child(connection, "pageInfo");
            var endCursor = ShopifyJson.Text(pageInfo, "endCursor");
            if (ShopifyJson.Bool(pageInfo, "hasNextPage") == true && endCursor is not null)
            {
                await _state.SetAsync(store.Id, PageKey, endCursor, ct);
                after = endCursor;
                continue;
            }

            // Pass complete. Clear the page cursor first: a crash between the two writes then replays from the old
            // lower bound, where the opposite order would pair a stale page cursor with a new filter.
            await _state.SetAsync(store.Id, PageKey, "", ct);
            var next = passStarted.Value - PassOverlap;
            if (next > since)
                await _state.SetAsync(store.Id, CursorKey, FormatTime(next), ct);
            Log.PassCompleted(_logger, store.Id, Platforms.Shopify, reported);
            return reported;
        }
        return reported;
    }

    internal static string FormatTime(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset? ParseTime(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time.ToUniversalTime() : null;

    private static partial class Log
    {
        [LoggerMessage(7101, LogLevel.Warning, "{Platform} store {StoreId}: an abandoned checkout could not be read and was skipped")]
        public static partial void Unmappable(ILogger logger, Exception error, long storeId, string platform);

        [LoggerMessage(7102, LogLevel.Debug, "{Platform} store {StoreId}: abandoned-checkout pass complete, {Reported} reported in its last poll")]
        public static partial void PassCompleted(ILogger logger, long storeId, string platform, int reported);
    }
}
