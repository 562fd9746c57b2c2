namespace CartRecovery.Connectors.WooCommerce.Api;

/// <summary>
/// A coupon to create with <c>POST /coupons</c> (https://woocommerce.github.io/woocommerce-rest-api-docs/#create-a-coupon).
/// Amounts are strings in major units because that is what WooCommerce stores; percent amounts are numbers too ("10").
/// </summary>
/// <param name="DiscountType"><c>percent</c>, <c>fixed_cart</c> or <c>fixed_product</c>.</param>
/// <param name="EmailRestrictions">Checked against the billing email when the order is placed.</param>
/// <param name="ExpiresAtUtc">Sent as <c>date_expires_gmt</c>.</param>
internal sealed record WooCommerceCouponRequest(
    string Code,
    string DiscountType,
    string Amount,
    bool FreeShipping,
    IReadOnlyList<string> EmailRestrictions,
    DateTimeOffset ExpiresAtUtc,
    string Description,
    int UsageLimit = 1,
    int UsageLimitPerUser = 1,
    bool IndividualUse = true);
