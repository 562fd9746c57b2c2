using CartRecovery.Core.CrossSell;
using CartRecovery.Core.Stores;

namespace CartRecovery.Connectors.Demo;

/// <summary>
/// The demo shop's "goes well with": what an outdoor shop would put beside each product, so the demo's emails show a
/// "You may also like" block as a real shop's do. Titles in the shop's language; links to the demo storefront.
/// </summary>
public sealed class DemoRelatedProducts : IRelatedProductSource
{
    private static readonly Dictionary<string, string[]> GoesWith = new(StringComparer.Ordinal)
    {
        ["ridgeline-down-jacket"] = ["merino-beanie", "windstopper-gloves", "thermal-flask"],
        ["summit-trail-boots"] = ["hiking-socks", "traverse-pack-30"],
        ["traverse-pack-30"] = ["thermal-flask", "hiking-socks"],
        ["merino-beanie"] = ["windstopper-gloves", "ridgeline-down-jacket"],
        ["hiking-socks"] = ["summit-trail-boots"],
        ["thermal-flask"] = ["traverse-pack-30"],
        ["windstopper-gloves"] = ["merino-beanie"],
    };

    public string Platform => Platforms.Demo;

    public Task<IReadOnlyList<RelatedProduct>> GetAsync(Store store, string productId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        var storefront = new Uri(store.StorefrontUrl);
        var language = DemoShopLanguage.Normalize(store.Locale);
        IReadOnlyList<RelatedProduct> related = GoesWith.GetValueOrDefault(productId, [])
            .Select(DemoCatalog.FindProduct)
            .OfType<DemoProduct>()
            .Select(p => new RelatedProduct(p.Handle, p.TitleIn(language), p.FromPriceMinor, store.Currency,
                new Uri(storefront, $"products/{p.Handle}").AbsoluteUri, DemoCartLines.ImageUrl(storefront, p.Variants[0].Sku).AbsoluteUri))
            .ToList();
        return Task.FromResult(related);
    }
}
