using System.Globalization;

namespace CartRecovery.Testing.Emulators.Shopify;

/// <summary>One line of a test checkout. Prices are strings, as Shopify sends them ("49.90").</summary>
public sealed record ShopifyEmulatorLine(
    long VariantId,
    long ProductId,
    string Title,
    string? VariantTitle = null,
    string? Sku = null,
    int Quantity = 1,
    string UnitPrice = "49.90",
    string? ImageUrl = null)
{
    /// <summary>The product's featured image; defaults to <see cref="ImageUrl"/>.</summary>
    public string? ProductImageUrl { get; init; }

    internal decimal UnitPriceValue => decimal.Parse(UnitPrice, NumberStyles.Number, CultureInfo.InvariantCulture);

    internal decimal LinePriceValue => UnitPriceValue * Quantity;
}
