using System.Text.Json;
using CartRecovery.Connectors.Shopify.Admin;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Stores;
using static CartRecovery.Connectors.Shopify.Checkouts.ShopifyJson;

namespace CartRecovery.Connectors.Shopify.Checkouts;

/// <summary>
/// Checkout webhooks carry no image URLs; this looks the line variants up (<c>nodes(ids:)</c>) and fills in each line's
/// image (the variant's own, else the product's featured media) and product page.
/// </summary>
internal sealed class ShopifyImageEnricher
{
    /// <summary>Shopify's <c>nodes</c> accepts at most 250 ids; a cart with more lines keeps the rest without images.</summary>
    private const int MaxIds = 250;

    private const string VariantImagesQuery = """
        query CartRecoveryVariantImages($ids: [ID!]!) {
          nodes(ids: $ids) {
            ... on ProductVariant {
              id
              image { url }
              product { onlineStoreUrl featuredMedia { preview { image { url } } } }
            }
          }
        }
        """;

    private readonly ShopifyStoreApi _api;

    public ShopifyImageEnricher(ShopifyStoreApi api)
    {
        ArgumentNullException.ThrowIfNull(api);
        _api = api;
    }

    /// <exception cref="ShopifyApiException">The lookup failed; callers treat images as optional.</exception>
    public async Task<CartSnapshot> EnrichAsync(Store store, CartSnapshot snapshot, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var variantIds = snapshot.Lines.Where(l => l.VariantId is not null && l.ImageUrl is null)
            .Select(l => l.VariantId!).Distinct(StringComparer.Ordinal).Take(MaxIds).ToList();
        if (variantIds.Count == 0)
            return snapshot;

        var data = await _api.QueryAsync(store, VariantImagesQuery,
            new { ids = variantIds.Select(id => ShopifyGid.Build("ProductVariant", id)).ToArray() }, ct);
        var found = new Dictionary<string, (string? Image, string? ProductUrl)>(StringComparer.Ordinal);
        if (data.TryGetProperty("nodes", out var nodes) && nodes.ValueKind == JsonValueKind.Array)
        {
            foreach (var node in nodes.EnumerateArray().Where(n => n.ValueKind == JsonValueKind.Object))
            {
                if (ShopifyGid.NumericId(Text(node, "id")) is not { } variantId)
                    continue;
                var image = Text(Child(node, "image"), "url") ?? Text(Path(node, "product", "featuredMedia", "preview", "image"), "url");
                found[variantId] = (image, Text(Child(node, "product"), "onlineStoreUrl"));
            }
        }
        if (found.Count == 0)
            return snapshot;

        var lines = snapshot.Lines.Select(line => line.VariantId is { } id && found.TryGetValue(id, out var extra)
            ? line with { ImageUrl = line.ImageUrl ?? extra.Image, ProductUrl = line.ProductUrl ?? extra.ProductUrl }
            : line).ToList();
        return snapshot with { Lines = lines };
    }
}
