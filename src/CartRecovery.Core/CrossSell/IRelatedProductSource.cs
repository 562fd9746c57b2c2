using CartRecovery.Core.Stores;

namespace CartRecovery.Core.CrossSell;

/// <summary>
/// A platform's related products for one of its products (WooCommerce cross-sells, upsells and related products;
/// Shopify's product recommendations). Implemented by each connector; may be slow or fail, which
/// <see cref="RelatedProducts"/> absorbs.
/// </summary>
public interface IRelatedProductSource
{
    /// <summary>The platform whose stores this source answers for (<see cref="Platforms"/>).</summary>
    string Platform { get; }

    Task<IReadOnlyList<RelatedProduct>> GetAsync(Store store, string productId, CancellationToken ct);
}
