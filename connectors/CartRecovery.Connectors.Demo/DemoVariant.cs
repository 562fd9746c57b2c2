namespace CartRecovery.Connectors.Demo;

/// <summary>One choice of a demo product (size, colour). Its SKU is the variant's id in carts. Prices are euro cents.</summary>
public sealed record DemoVariant(string Sku, string? Title, string? TitleFr, long PriceMinor)
{
    public string? TitleIn(string language) => language == DemoShopLanguage.French ? TitleFr : Title;
}
