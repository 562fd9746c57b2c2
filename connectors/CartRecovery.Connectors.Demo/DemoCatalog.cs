namespace CartRecovery.Connectors.Demo;

/// <summary>A product of the demo shop. Prices are euro cents.</summary>
public sealed record DemoProduct(string Sku, string Title, string? Variant, long PriceMinor, string Colour);

/// <summary>What the demo shop sells.</summary>
public static class DemoCatalog
{
    public const string StoreKey = "demo";
    public const string Currency = "EUR";

    public static IReadOnlyList<DemoProduct> Products { get; } =
    [
        new("ALP-JKT-M", "Ridgeline Down Jacket", "Size M / Slate", 18900, "#4a5a6a"),
        new("ALP-JKT-L", "Ridgeline Down Jacket", "Size L / Ember", 18900, "#c2562d"),
        new("ALP-BTS-42", "Summit Trail Boots", "EU 42", 14500, "#6b4f3a"),
        new("ALP-PCK-30", "Traverse Pack 30 L", "Moss", 9900, "#5d7052"),
        new("ALP-BNE-01", "Merino Beanie", "Charcoal", 2900, "#3b3b3b"),
        new("ALP-SCK-03", "Hiking Socks, 3-pack", "M", 2400, "#8a6d9e"),
        new("ALP-FLS-01", "Thermal Flask 750 ml", null, 3500, "#2f6f8f"),
        new("ALP-GLV-02", "Windstopper Gloves", "Size 8", 3900, "#2c2c54"),
    ];

    public static DemoProduct? Find(string sku) => Products.FirstOrDefault(p => p.Sku == sku);
}
