namespace CartRecovery.Core.Stores;

/// <summary>Platform names as stored on <see cref="Store.Platform"/>.</summary>
public static class Platforms
{
    public const string Demo = "demo";
    public const string Shopify = "shopify";
    public const string WooCommerce = "woocommerce";

    /// <summary>The platform's name as people write it.</summary>
    public static string DisplayName(string platform) => platform switch
    {
        Shopify => "Shopify",
        WooCommerce => "WooCommerce",
        Demo => "Demo",
        _ => platform,
    };
}
