namespace CartRecovery.Core.Carts;

/// <summary>One product line of a cart. Prices are minor units of the cart's currency.</summary>
public sealed record CartLine(
    string Title,
    int Quantity,
    long UnitPriceMinor,
    string? ProductId = null,
    string? VariantId = null,
    string? Sku = null,
    string? VariantTitle = null,
    string? ImageUrl = null,
    string? ProductUrl = null)
{
    public long LineTotalMinor => UnitPriceMinor * Quantity;
}
