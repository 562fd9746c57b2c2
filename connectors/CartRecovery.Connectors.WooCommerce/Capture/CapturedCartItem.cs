namespace CartRecovery.Connectors.WooCommerce.Capture;

/// <summary>A validated line of a storefront-captured cart. <see cref="Price"/> is the unit price in major units.</summary>
internal sealed record CapturedCartItem(long ProductId, long? VariationId, int Quantity, string Name, decimal Price, string? ImageUrl)
{
    /// <summary>What WooCommerce adds to a cart: the variation for a variable product, else the product.</summary>
    public long PurchasableId => VariationId is > 0 and var v ? v : ProductId;
}
