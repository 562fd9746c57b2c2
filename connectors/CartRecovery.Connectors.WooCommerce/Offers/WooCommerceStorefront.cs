using System.Globalization;
using System.Security.Cryptography;
using CartRecovery.Connectors.WooCommerce.Api;
using CartRecovery.Connectors.WooCommerce.Capture;
using CartRecovery.Connectors.WooCommerce.Connect;
using CartRecovery.Connectors.WooCommerce.Orders;
using CartRecovery.Core;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Email;
using CartRecovery.Core.Sequences;
using CartRecovery.Core.Storefronts;
using CartRecovery.Core.Stores;
using Microsoft.Extensions.Logging;

namespace CartRecovery.Connectors.WooCommerce.Offers;

/// <summary>
/// WooCommerce's side of recovery: personal coupons, the way back to the cart and the pre-send order check.
/// Where a coupon cannot ride on the link (order-pay pages, add-to-cart links) the email shows the code.
/// </summary>
internal sealed partial class WooCommerceStorefront(
    WooCommerceClient client,
    WooCommerceStoreConnections connections,
    ILogger<WooCommerceStorefront> logger) : IStorefront
{
    public const string CouponExistsCode = "woocommerce_rest_coupon_code_already_exists";
    private const string CodeAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private const int CodeAttempts = 3;

    public string Platform => Platforms.WooCommerce;

    /// <summary>
    /// Creates a single-use, personal, expiring coupon: <c>usage_limit</c> 1, <c>usage_limit_per_user</c> 1,
    /// <c>individual_use</c>, <c>email_restrictions</c> = the customer's email (checked against the billing email at
    /// checkout), <c>date_expires_gmt</c>. Free shipping only works if the shop has a free-shipping method that
    /// "requires a valid free shipping coupon". A taken code is retried with a new one.
    /// </summary>
    public async Task<IssuedOffer> IssueOfferAsync(Store store, Cart cart, OfferSpec offer, DateTimeOffset expiresAt, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(cart);
        ArgumentNullException.ThrowIfNull(offer);
        var connection = await connections.GetAsync(store, ct)
            ?? throw new InvalidOperationException($"WooCommerce store {store.Id} has no credentials; reconnect it.");
        var (type, amount, freeShipping) = offer.Kind switch
        {
            OfferKind.Percentage => ("percent", offer.Value.ToString(CultureInfo.InvariantCulture), false),
            OfferKind.FixedAmount => ("fixed_cart", Money.ToMajor(offer.Value, cart.Currency).ToString("F" + Money.Decimals(cart.Currency), CultureInfo.InvariantCulture), false),
            _ => ("fixed_cart", "0", true),
        };
        IReadOnlyList<string> emails = cart.Contact.Email is { Length: > 0 } email ? [email] : [];

        for (var attempt = 1; ; attempt++)
        {
            var code = "CR-" + RandomNumberGenerator.GetString(CodeAlphabet, 8);
            var request = new WooCommerceCouponRequest(code, type, amount, freeShipping, emails, expiresAt,
                $"CartRecovery offer for cart {cart.Id.ToString(CultureInfo.InvariantCulture)}");
            try
            {
                await client.CreateCouponAsync(connection, request, ct);
                return new IssuedOffer(code, offer.Describe(cart.Currency), expiresAt);
            }
            catch (WooCommerceApiException error) when (error.ErrorCode == CouponExistsCode && attempt < CodeAttempts)
            {
                Log.CodeTaken(logger, store.Id, attempt);
            }
        }
    }

    /// <summary>
    /// Orders go back through their order-pay link, which pays the order as it stands: WooCommerce has no way to add a
    /// coupon there, so the code is only in the email. Captured carts go back through a cart-rebuilding link, which on
    /// WooCommerce 10.0+ (shareable checkout link) applies the code too.
    /// </summary>
    public Uri BuildRestoreUrl(Store store, Cart cart, string? offerCode)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(cart);
        var url = Uri.TryCreate(cart.RestoreUrl, UriKind.Absolute, out var restore)
            ? restore
            : WooCommerceRestoreLinks.CartPage(new Uri(store.StorefrontUrl));
        return offerCode is not null && IsCaptured(cart) && WooCommerceRestoreLinks.TryAddCoupon(url, offerCode, out var withCoupon)
            ? withCoupon
            : url;
    }

    /// <summary>The site the store was connected at (its external id), and that host's www twin.</summary>
    public IReadOnlyCollection<string> OwnHosts(Store store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return Uri.TryCreate(store.ExternalId, UriKind.Absolute, out var site) ? WooCommerceSiteUrl.OwnHosts(site) : [];
    }

    /// <summary>
    /// Asks WooCommerce for the order behind the cart: paid → Ordered; missing, trashed, cancelled or refunded → Gone;
    /// otherwise (or when the shop cannot be asked) → Open. Captured carts have no order to ask about.
    /// </summary>
    public async Task<StorefrontCartState> CheckCartAsync(Store store, Cart cart, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(cart);
        if (IsCaptured(cart) || !long.TryParse(cart.ExternalId, NumberStyles.None, CultureInfo.InvariantCulture, out var orderId))
            return StorefrontCartState.Open;
        try
        {
            var connection = await connections.GetAsync(store, ct);
            if (connection is null)
                return StorefrontCartState.Open;
            var order = await client.GetOrderAsync(connection, orderId, ct);
            if (order is not { } found)
                return StorefrontCartState.Gone;
            return WooCommerceOrderStatuses.Classify(WooCommerceOrderMapper.ReadStatus(found)) switch
            {
                WooCommerceOrderState.Ordered => StorefrontCartState.Ordered,
                WooCommerceOrderState.Gone => StorefrontCartState.Gone,
                _ => StorefrontCartState.Open,
            };
        }
        catch (WooCommerceApiException error)
        {
            // The check is a courtesy before sending; a shop that cannot answer right now must not block the email.
            Log.CheckFailed(logger, store.Id, cart.Id, error.StatusCode, error.ErrorCode);
            return StorefrontCartState.Open;
        }
    }

    private static bool IsCaptured(Cart cart) => cart.ExternalId.StartsWith(CapturedCartMapper.ExternalIdPrefix, StringComparison.Ordinal);

    private static partial class Log
    {
        [LoggerMessage(4531, LogLevel.Information, "WooCommerce store {StoreId}: coupon code taken on attempt {Attempt}, trying another")]
        public static partial void CodeTaken(ILogger logger, long storeId, int attempt);

        [LoggerMessage(4532, LogLevel.Warning, "WooCommerce store {StoreId}: checking cart {CartId} failed with {Status} {Code}; assuming it is open")]
        public static partial void CheckFailed(ILogger logger, long storeId, long cartId, int status, string? code);
    }
}
