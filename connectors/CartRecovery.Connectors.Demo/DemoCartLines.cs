using CartRecovery.Core.Carts;

namespace CartRecovery.Connectors.Demo;

/// <summary>
/// Cart lines of the demo shop, as its storefront, its simulated shoppers and its history all write them: one line per
/// variant (adding a variant that is already in the cart raises its quantity, as real shops do), titles in the
/// shopper's language, PNG thumbnails that email clients show.
/// </summary>
public static class DemoCartLines
{
    /// <summary>The most of one variant a cart holds, as a shop's quantity field would cap it.</summary>
    public const int MaxQuantity = 10;

    public static CartLine Line(Uri storefront, DemoProduct product, DemoVariant variant, string language, int quantity = 1)
    {
        ArgumentNullException.ThrowIfNull(storefront);
        ArgumentNullException.ThrowIfNull(product);
        ArgumentNullException.ThrowIfNull(variant);
        return new CartLine(product.TitleIn(language), quantity, variant.PriceMinor, product.Handle, variant.Sku, variant.Sku, variant.TitleIn(language),
            ImageUrl: ImageUrl(storefront, variant.Sku).AbsoluteUri,
            ProductUrl: new Uri(storefront, $"products/{product.Handle}").AbsoluteUri);
    }

    /// <summary>The thumbnail of a variant's product: a PNG served by the shop.</summary>
    public static Uri ImageUrl(Uri storefront, string sku) => new(storefront, $"images/{Uri.EscapeDataString(sku)}.png");

    /// <summary>The lines with <paramref name="line"/> added: to its variant's line when there is one, else as a new line.</summary>
    public static IReadOnlyList<CartLine> Add(IReadOnlyList<CartLine> lines, CartLine line)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(line);
        var existing = lines.FirstOrDefault(l => l.VariantId == line.VariantId);
        return existing is null
            ? [.. lines, line]
            : SetQuantity(lines, line.VariantId, existing.Quantity + line.Quantity);
    }

    /// <summary>The lines with the variant's quantity set (capped at <see cref="MaxQuantity"/>); zero or less removes the line.</summary>
    public static IReadOnlyList<CartLine> SetQuantity(IReadOnlyList<CartLine> lines, string? variantId, int quantity)
    {
        ArgumentNullException.ThrowIfNull(lines);
        return quantity <= 0
            ? lines.Where(l => l.VariantId != variantId).ToList()
            : lines.Select(l => l.VariantId == variantId ? l with { Quantity = Math.Min(quantity, MaxQuantity) } : l).ToList();
    }
}
