using System.Globalization;
using System.Net;
using System.Text.Json;
using CartRecovery.Connectors.WooCommerce.Api;
using CartRecovery.Connectors.WooCommerce.Connect;
using CartRecovery.Core;
using CartRecovery.Core.CrossSell;
using CartRecovery.Core.Stores;

namespace CartRecovery.Connectors.WooCommerce.CrossSell;

/// <summary>
/// A WooCommerce product's related products: the merchant's cross-sells first (picked for the cart page), then the
/// upsells, then the products WooCommerce relates by category and tag; published and in stock only, in the shop's
/// currency. Two calls: the product's relation ids, then those products. <see cref="RelatedProducts"/> caches and bounds them.
/// </summary>
internal sealed class WooCommerceRelatedProducts(WooCommerceClient client, WooCommerceStoreConnections connections) : IRelatedProductSource
{
    /// <summary>How many related ids one product's answer fetches: more than an email shows, for the ones out of stock.</summary>
    private const int MaxFetched = 8;

    /// <summary>The relations a product carries, the merchant's own picks first.</summary>
    private static readonly string[] Relations = ["cross_sell_ids", "upsell_ids", "related_ids"];

    public string Platform => Platforms.WooCommerce;

    public async Task<IReadOnlyList<RelatedProduct>> GetAsync(Store store, string productId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (!long.TryParse(productId, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || await connections.GetAsync(store, ct) is not { } connection
            || await client.GetProductRelationsAsync(connection, id, ct) is not { } relations)
            return [];
        var ids = Relations
            .SelectMany(name => WooJson.Array(relations, name))
            .Where(e => e.ValueKind == JsonValueKind.Number && e.TryGetInt64(out _))
            .Select(e => e.GetInt64())
            .Where(related => related != id)
            .Distinct()
            .Take(MaxFetched)
            .ToList();
        if (ids.Count == 0)
            return [];
        var products = (await client.ListProductsAsync(connection, ids, ct))
            .Where(p => WooJson.String(p, "stock_status") is null or "instock" or "onbackorder")
            .ToDictionary(p => WooJson.Long(p, "id") ?? 0);
        // In the merchant's order (cross-sells first), not the list's.
        return ids.Where(products.ContainsKey).Select(i => ToProduct(products[i], store.Currency)).OfType<RelatedProduct>().ToList();
    }

    private static RelatedProduct? ToProduct(JsonElement product, string currency)
    {
        if (WooJson.NonEmpty(product, "name") is not { } name || WooJson.NonEmpty(product, "permalink") is not { } url
            || WooJson.NonEmpty(product, "price") is not { } price || !decimal.TryParse(price, NumberStyles.Number, CultureInfo.InvariantCulture, out _))
            return null;
        var image = WooJson.Array(product, "images").Select(i => WooJson.NonEmpty(i, "src")).FirstOrDefault(src => src is not null);
        return new RelatedProduct((WooJson.Long(product, "id") ?? 0).ToString(CultureInfo.InvariantCulture), WebUtility.HtmlDecode(name),
            Money.ParseMajor(price, currency), currency, url, image);
    }
}
