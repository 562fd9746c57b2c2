namespace CartRecovery.Testing.Emulators.Shopify;

/// <summary>
/// A product of the shop's catalogue as the Storefront API shows it, with the products Shopify recommends beside it
/// (<c>productRecommendations</c>, in that order). <see cref="Price"/> is the cheapest variant's price, as Shopify writes
/// money ("49.90"); a null <see cref="OnlineStoreUrl"/> is a product not published to the Online Store.
/// </summary>
public sealed record ShopifyEmulatorProduct
{
    public required long Id { get; init; }

    public required string Title { get; init; }

    public required string Handle { get; init; }

    public required string Price { get; init; }

    public string? Currency { get; init; }

    public bool AvailableForSale { get; init; } = true;

    public string? ImageUrl { get; init; }

    public string? OnlineStoreUrl { get; init; }

    public IReadOnlyList<long> Related { get; init; } = [];
}
