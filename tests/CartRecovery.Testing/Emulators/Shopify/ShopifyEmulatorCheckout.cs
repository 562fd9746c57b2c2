namespace CartRecovery.Testing.Emulators.Shopify;

/// <summary>
/// A checkout the emulated shop holds. Only <see cref="Id"/> is required: the emulator fills tokens, times
/// (its clock, whole seconds), the presentment currency and a customer id (unless <see cref="Guest"/>).
/// Served as an AbandonedCheckout through GraphQL and as the REST shape in webhook payloads.
/// </summary>
public sealed record ShopifyEmulatorCheckout
{
    public required long Id { get; init; }

    public string? Token { get; init; }

    public string? CartToken { get; init; }

    public string? Email { get; init; }

    public string? FirstName { get; init; }

    public string? LastName { get; init; }

    public string? Phone { get; init; }

    public string Locale { get; init; } = "en";

    public bool AcceptsMarketing { get; init; }

    /// <summary>The buyer subscribed their phone to SMS marketing (a separate checkbox from the email one).</summary>
    public bool AcceptsSms { get; init; }

    /// <summary>Overrides the customer's email marketing state (SUBSCRIBED, UNSUBSCRIBED, REDACTED, ...).</summary>
    public string? EmailMarketingState { get; init; }

    /// <summary>The customer's id; derived from <see cref="Id"/> when null and the buyer left an email or phone.</summary>
    public long? CustomerId { get; init; }

    /// <summary>No customer record: GraphQL returns customer null, webhooks omit "customer".</summary>
    public bool Guest { get; init; }

    public IReadOnlyList<ShopifyEmulatorLine> Lines { get; init; } = [];

    /// <summary>The shop currency amounts are in; defaults to the shop's.</summary>
    public string? Currency { get; init; }

    /// <summary>The buyer's currency; defaults to <see cref="Currency"/>.</summary>
    public string? PresentmentCurrency { get; init; }

    /// <summary>Presentment amount = shop amount × this rate.</summary>
    public decimal PresentmentRate { get; init; } = 1m;

    public bool TaxesIncluded { get; init; } = true;

    /// <summary>Tax amount; added to the total only when taxes are not included.</summary>
    public decimal TotalTax { get; init; }

    public string CountryCode { get; init; } = "FR";

    public IReadOnlyList<string> DiscountCodes { get; init; } = [];

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    internal decimal Subtotal => Lines.Sum(l => l.LinePriceValue);

    internal decimal Total => Subtotal + (TaxesIncluded ? 0m : TotalTax);

    internal string Name => $"#{Id}";
}
