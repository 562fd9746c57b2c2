using System.Globalization;
using System.Text.Json;
using CartRecovery.Connectors.Shopify.Admin;
using CartRecovery.Connectors.Shopify.Checkouts;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Email;
using CartRecovery.Core.Sequences;
using CartRecovery.Core.Storefronts;
using CartRecovery.Core.Stores;
using Microsoft.Extensions.Logging;

namespace CartRecovery.Connectors.Shopify.Offers;

/// <summary>Shopify's side of a send: unique discount codes, the way back to the checkout, and whether it is still open.</summary>
internal sealed partial class ShopifyStorefront : IStorefront
{
    /// <summary>Fresh codes tried when Shopify says a code is TAKEN (8 characters from 31: a clash is very unlikely).</summary>
    internal const int MaxCodeAttempts = 5;

    private const string CheckoutStateQuery = """
        query CartRecoveryCheckoutState($first: Int!, $query: String!) {
          abandonedCheckouts(first: $first, query: $query) {
            nodes { id completedAt }
          }
        }
        """;

    private readonly ShopifyStoreApi _api;
    private readonly TimeProvider _time;
    private readonly ILogger<ShopifyStorefront> _logger;

    public ShopifyStorefront(ShopifyStoreApi api, TimeProvider time, ILogger<ShopifyStorefront> logger)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _api = api;
        _time = time;
        _logger = logger;
    }

    public string Platform => Platforms.Shopify;

    /// <summary>
    /// Creates a single-use code (<c>usageLimit</c> 1, once per customer, valid from now until
    /// <paramref name="expiresAt"/>, on every product) with <c>discountCodeBasicCreate</c>, or
    /// <c>discountCodeFreeShippingCreate</c> for free shipping.
    /// </summary>
    /// <exception cref="ShopifyApiException">Shopify refused the discount (non-transient) or the call failed.</exception>
    public async Task<IssuedOffer> IssueOfferAsync(Store store, Cart cart, OfferSpec offer, DateTimeOffset expiresAt, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(cart);
        ArgumentNullException.ThrowIfNull(offer);
        var description = offer.Describe(store.Currency);
        var title = string.Create(CultureInfo.InvariantCulture, $"CartRecovery: {description} (cart {cart.Id})");
        for (var attempt = 1; ; attempt++)
        {
            var code = ShopifyDiscountCodes.NewCode();
            var (mutation, payload, variables) = ShopifyDiscountCodes.Build(offer, code, title, store.Currency, _time.GetUtcNow(), expiresAt);
            var data = await _api.MutateAsync(store, mutation, variables, ct);
            var errors = ShopifyUserError.Read(data, payload);
            if (errors.Count == 0)
                return new IssuedOffer(code, description, expiresAt);
            // Codes are unique per shop; another discount may own this one already. Draw again, a bounded number of times.
            if (attempt < MaxCodeAttempts && errors.All(e => string.Equals(e.Code, "TAKEN", StringComparison.Ordinal)))
                continue;
            throw new ShopifyApiException($"Shopify refused the discount: {ShopifyUserError.Describe(errors)}", 200, isTransient: false,
                errorCode: errors[0].Code);
        }
    }

    /// <summary>
    /// Without a code: the checkout's recovery URL (or the storefront when there is none). With a code: Shopify's discount
    /// link on the storefront host, which applies the code and then redirects to the recovery URL's path and query.
    /// </summary>
    public Uri BuildRestoreUrl(Store store, Cart cart, string? offerCode)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(cart);
        var storefront = new Uri(store.StorefrontUrl, UriKind.Absolute);
        var recovery = cart.RestoreUrl is { } url && Uri.TryCreate(url, UriKind.Absolute, out var parsed) ? parsed : null;
        if (string.IsNullOrWhiteSpace(offerCode))
            return recovery ?? storefront;
        return recovery is null ? ShopifyDiscountLink.ForStorefront(storefront, offerCode) : ShopifyDiscountLink.Build(recovery, offerCode);
    }

    /// <summary>
    /// The shop's permanent myshopify.com domain (its external id), where Shopify puts <c>abandonedCheckoutUrl</c>, and
    /// the primary domain read from the Shop object when the store was connected (its storefront URL).
    /// </summary>
    public IReadOnlyCollection<string> OwnHosts(Store store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var hosts = new List<string> { store.ExternalId.Trim().TrimEnd('.').ToLowerInvariant() };
        if (Uri.TryCreate(store.StorefrontUrl, UriKind.Absolute, out var primary) && primary.HostNameType == UriHostNameType.Dns)
            hosts.Add(primary.IdnHost.ToLowerInvariant());
        return hosts;
    }

    /// <summary>
    /// Looks the checkout up by its numeric id: completed means Ordered, absent means Gone, otherwise Open. When the
    /// question cannot be answered (no id known, API down) the answer is Open: a reminder for a cart that turns out to be
    /// ordered is a smaller harm than silently dropping every reminder during a Shopify outage, and the orders/create
    /// webhook stops the sequence anyway.
    /// </summary>
    public async Task<StorefrontCartState> CheckCartAsync(Store store, Cart cart, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(cart);
        var checkoutId = cart.PlatformRefs.TryGetValue(ShopifyCheckoutRefs.Id, out var id) ? id
            : long.TryParse(cart.ExternalId, NumberStyles.None, CultureInfo.InvariantCulture, out _) ? cart.ExternalId
            : null;
        if (checkoutId is null)
            return StorefrontCartState.Open;

        try
        {
            var data = await _api.QueryAsync(store, CheckoutStateQuery, new { first = 1, query = $"id:{checkoutId}" }, ct);
            var nodes = ShopifyJson.Nodes(ShopifyJson.Child(data, "abandonedCheckouts")).ToList();
            if (nodes.Count == 0)
                return StorefrontCartState.Gone;
            var node = nodes.FirstOrDefault(n => ShopifyGid.NumericId(ShopifyJson.Text(n, "id")) == checkoutId);
            // Another checkout than the one asked for is not an answer about ours; don't expire the cart on it.
            if (node.ValueKind != JsonValueKind.Object)
                return StorefrontCartState.Open;
            return ShopifyJson.Text(node, "completedAt") is null ? StorefrontCartState.Open : StorefrontCartState.Ordered;
        }
        catch (Exception error) when (error is ShopifyApiException or HttpRequestException)
        {
            Log.CheckFailed(_logger, error, cart.Id, store.Id);
            return StorefrontCartState.Open;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(7301, LogLevel.Warning, "Could not ask Shopify about cart {CartId} of store {StoreId}; sending as if it were open")]
        public static partial void CheckFailed(ILogger logger, Exception error, long cartId, long storeId);
    }
}
