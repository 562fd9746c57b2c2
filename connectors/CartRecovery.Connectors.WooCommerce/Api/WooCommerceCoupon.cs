namespace CartRecovery.Connectors.WooCommerce.Api;

/// <summary>A created coupon. WooCommerce stores codes lower-cased and matches them case-insensitively.</summary>
internal sealed record WooCommerceCoupon(long Id, string Code);
