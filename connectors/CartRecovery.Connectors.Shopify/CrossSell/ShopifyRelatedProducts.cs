using System.Globalization;
using System.Text.Json;
using CartRecovery.Connectors.Shopify.Admin;
using CartRecovery.Core.CrossSell;
using CartRecovery.Core.Stores;
using static CartRecovery.Connectors.Shopify.Checkouts.ShopifyJson;

namespace CartRecovery.Connectors.Shopify.CrossSell;

/// <summary>
/// A Shopify product's related products: Shopify's own recommendations, which only the Storefront API serves
/// (<c>productRecommendations(productId:, intent: RELATED)</c>, the "You may also like" kind), in Shopify's order,
/// available for sale only, priced from their cheapest variant. The Storefront API is read with the store's storefront
/// access token (<see cref="ShopifyStorefrontTokens"/>). A failure throws; <see cref="RelatedProducts"/> caches and bounds.
/// </summary>
internal sealed class ShopifyRelatedProducts : IRelatedProductSource
{
    private const string RecommendationsQuery = """
        query CartRecoveryRelatedProducts($productId: ID!) {
          productRecommendations(productId: $productId, intent: RELATED) {
            id title handle onlineStoreUrl availableForSale
            featuredImage { url }
            priceRange { minVariantPrice { amount currencyCode } }
          }
        }
        """;

    private readonly ShopifyStoreApi _api;
    private readonly ShopifyStorefrontTokens _tokens;

    public ShopifyRelatedProducts(ShopifyStoreApi api, ShopifyStorefrontTokens tokens)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(tokens);
        _api = api;
        _tokens = tokens;
    }

    public string Platform => Platforms.Shopify;

    /// <param name="productId">The product's numeric id, as cart lines carry it (its gid is accepted too).</param>
    /// <exception cref="ShopifyApiException">The token could not be had, or the Storefront API refused or failed.</exception>
    public async Task<IReadOnlyList<RelatedProduct>> GetAsync(Store store, string productId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        var id = ShopifyGid.NumericId(productId)
            ?? (long.TryParse(productId, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number.ToString(CultureInfo.InvariantCulture) : null);
        if (id is null)
            return [];
        var token = await _tokens.GetAsync(store, ct);
        JsonElement data;
        try
        {
            data = await _api.StorefrontQueryAsync(store, token, RecommendationsQuery, new { productId = ShopifyGid.Build("Product", id) }, ct);
        }
        catch (ShopifyApiException error) when (error.StatusCode is 401 or 403)
        {
            // Deleted in the shop's admin, or gone with a reinstall: the next attempt looks the token up again.
            _tokens.Forget(store, token);
            throw;
        }
        // Null for a product the Storefront API does not know (deleted, or not published to the app's channels).
        if (!data.TryGetProperty("productRecommendations", out var products) || products.ValueKind != JsonValueKind.Array)
            return [];
        return products.EnumerateArray()
            .Where(p => Bool(p, "availableForSale") == true)
            .Select(p => ToProduct(p, store))
            .OfType<RelatedProduct>()
            .Where(p => p.ProductId != id)
            .ToList();
    }

    private static RelatedProduct? ToProduct(JsonElement product, Store store)
    {
        var price = Path(product, "priceRange", "minVariantPrice");
        if (ShopifyGid.NumericId(Text(product, "id")) is not { } id || Text(product, "title") is not { } title
            || Text(price, "amount") is not { } amount || !decimal.TryParse(amount, NumberStyles.Number, CultureInfo.InvariantCulture, out _)
            || Url(product, store) is not { } url)
            return null;
        var currency = Text(price, "currencyCode") ?? store.Currency;
        return new RelatedProduct(id, title, Core.Money.ParseMajor(amount, currency), currency, url, Text(Child(product, "featuredImage"), "url"));
    }

    // onlineStoreUrl is null for a product not on the Online Store (a headless shop); its page is then /products/{handle}
    // on the shop's storefront, the path Shopify's themes and Hydrogen both use.
    private static string? Url(JsonElement product, Store store) =>
        Text(product, "onlineStoreUrl")
        ?? (Text(product, "handle") is { } handle && Uri.TryCreate(store.StorefrontUrl, UriKind.Absolute, out var storefront)
            ? new Uri(storefront, "products/" + Uri.EscapeDataString(handle)).AbsoluteUri
            : null);
}
