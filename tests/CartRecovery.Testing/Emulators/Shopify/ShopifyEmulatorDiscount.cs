using System.Text.Json.Nodes;

namespace CartRecovery.Testing.Emulators.Shopify;

/// <summary>
/// A code discount created through discountCodeBasicCreate or discountCodeFreeShippingCreate, with the input
/// as received (<see cref="Input"/>) for assertions the typed properties don't cover.
/// </summary>
public sealed record ShopifyEmulatorDiscount
{
    /// <summary>gid://shopify/DiscountCodeNode/N.</summary>
    public required string Id { get; init; }

    /// <summary>DiscountCodeBasic or DiscountCodeFreeShipping.</summary>
    public required string Kind { get; init; }

    public required string Title { get; init; }

    public required string Code { get; init; }

    /// <summary>Fraction 0..1 for a percentage discount.</summary>
    public decimal? Percentage { get; init; }

    /// <summary>Fixed amount off, in the shop currency.</summary>
    public decimal? Amount { get; init; }

    public bool AppliesOnEachItem { get; init; }

    public int? UsageLimit { get; init; }

    public bool AppliesOncePerCustomer { get; init; }

    public DateTimeOffset StartsAt { get; init; }

    public DateTimeOffset? EndsAt { get; init; }

    /// <summary>Customer gids the discount is limited to (context.customers.add or customerSelection.customers.add).</summary>
    public IReadOnlyList<string> CustomerIds { get; init; } = [];

    public bool AllCustomers => CustomerIds.Count == 0;

    public required JsonObject Input { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}
