namespace CartRecovery.Core.CrossSell;

/// <summary>A product the shop relates to one in the cart (cross-sell, upsell, recommendation), as an email shows it.</summary>
public sealed record RelatedProduct(string ProductId, string Title, long PriceMinor, string Currency, string Url, string? ImageUrl = null);
