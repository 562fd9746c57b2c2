namespace CartRecovery.Connectors.Demo;

/// <summary>
/// A product of the demo shop: one name, one tile (colour and shape of its thumbnail), one or more variants to choose
/// from. Names exist in English and French, the shop's two languages.
/// </summary>
public sealed record DemoProduct(string Handle, string Title, string TitleFr, string Colour, DemoShape Shape, IReadOnlyList<DemoVariant> Variants)
{
    public string TitleIn(string language) => language == DemoShopLanguage.French ? TitleFr : Title;

    /// <summary>The cheapest variant's price: what the product grid shows ("from").</summary>
    public long FromPriceMinor => Variants.Min(v => v.PriceMinor);
}
