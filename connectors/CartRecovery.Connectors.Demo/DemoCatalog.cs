namespace CartRecovery.Connectors.Demo;

/// <summary>What the demo shop sells: every product has its own name; sizes and colours are variants of it.</summary>
public static class DemoCatalog
{
    public const string StoreKey = "demo";
    public const string Currency = "EUR";

    public static IReadOnlyList<DemoProduct> Products { get; } =
    [
        new("ridgeline-down-jacket", "Ridgeline Down Jacket", "Doudoune Ridgeline", "#4a5a6a", DemoShape.Mountain,
            [new("ALP-JKT-M", "Size M / Slate", "Taille M / Ardoise", 18900), new("ALP-JKT-L", "Size L / Ember", "Taille L / Braise", 18900)]),
        new("summit-trail-boots", "Summit Trail Boots", "Chaussures Summit Trail", "#6b4f3a", DemoShape.Square,
            [new("ALP-BTS-42", "EU 42", "EU 42", 14500), new("ALP-BTS-44", "EU 44", "EU 44", 14500)]),
        new("traverse-pack-30", "Traverse Pack 30 L", "Sac Traverse 30 L", "#5d7052", DemoShape.Arch,
            [new("ALP-PCK-30", "Moss", "Mousse", 9900)]),
        new("merino-beanie", "Merino Beanie", "Bonnet mérinos", "#3b3b3b", DemoShape.Circle,
            [new("ALP-BNE-01", "Charcoal", "Anthracite", 2900)]),
        new("hiking-socks", "Hiking Socks, 3-pack", "Chaussettes de rando, lot de 3", "#8a6d9e", DemoShape.Bars,
            [new("ALP-SCK-03", "M", "M", 2400)]),
        new("thermal-flask", "Thermal Flask 750 ml", "Gourde isotherme 750 ml", "#2f6f8f", DemoShape.Tall,
            [new("ALP-FLS-01", null, null, 3500)]),
        new("windstopper-gloves", "Windstopper Gloves", "Gants coupe-vent", "#2c2c54", DemoShape.Diamond,
            [new("ALP-GLV-02", "Size 8", "Taille 8", 3900)]),
    ];

    /// <summary>The product and variant of a SKU, or null.</summary>
    public static (DemoProduct Product, DemoVariant Variant)? FindVariant(string? sku)
    {
        foreach (var product in Products)
        {
            if (product.Variants.FirstOrDefault(v => string.Equals(v.Sku, sku, StringComparison.OrdinalIgnoreCase)) is { } variant)
                return (product, variant);
        }
        return null;
    }

    /// <summary>The product of a handle (or, for links in older carts, of one of its SKUs), or null.</summary>
    public static DemoProduct? FindProduct(string? handleOrSku) =>
        Products.FirstOrDefault(p => string.Equals(p.Handle, handleOrSku, StringComparison.OrdinalIgnoreCase)) ?? FindVariant(handleOrSku)?.Product;
}
