using CartRecovery.Core.Carts;

namespace CartRecovery.Data.Carts;

/// <summary>One row of <c>cart_lines</c>; <see cref="Position"/> keeps the platform's line order.</summary>
internal sealed class CartLineRow
{
    public long CartId { get; set; }
    public int Position { get; set; }
    public string Title { get; set; } = "";
    public int Quantity { get; set; }
    public long UnitPriceMinor { get; set; }
    public string? ProductId { get; set; }
    public string? VariantId { get; set; }
    public string? Sku { get; set; }
    public string? VariantTitle { get; set; }
    public string? ImageUrl { get; set; }
    public string? ProductUrl { get; set; }

    public static IEnumerable<CartLineRow> From(long cartId, IReadOnlyList<CartLine> lines) =>
        lines.Select((line, position) => new CartLineRow
        {
            CartId = cartId,
            Position = position,
            Title = line.Title,
            Quantity = line.Quantity,
            UnitPriceMinor = line.UnitPriceMinor,
            ProductId = line.ProductId,
            VariantId = line.VariantId,
            Sku = line.Sku,
            VariantTitle = line.VariantTitle,
            ImageUrl = line.ImageUrl,
            ProductUrl = line.ProductUrl,
        });

    public CartLine ToLine() => new(Title, Quantity, UnitPriceMinor, ProductId, VariantId, Sku, VariantTitle, ImageUrl, ProductUrl);
}
