namespace CartRecovery.Testing.Emulators.WooCommerce;

/// <summary>
/// A line of the shopper's cart as the storefront holds it (WooCommerce's session cart), served by the Store API's
/// <c>GET /wp-json/wc/store/v1/cart</c>. <see cref="Id"/> is the product or, for a variable product, the variation;
/// <see cref="PriceMinor"/> is the unit price in the shop's minor units, as the Store API reports prices.
/// </summary>
public sealed record StorefrontCartItem(long Id, string Name, int Quantity, long PriceMinor, string? ImageUrl = null, string? Sku = null);
