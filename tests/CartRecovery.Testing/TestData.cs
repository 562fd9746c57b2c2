using CartRecovery.Core.Carts;
using CartRecovery.Core.Messages;
using CartRecovery.Core.Sequences;
using CartRecovery.Core.Stores;

namespace CartRecovery.Testing;

/// <summary>
/// The one test kit's records: realistic Core records with every required field set, all around one fixed clock
/// (<see cref="Now"/>). Tweak one with <c>with</c>: <c>TestData.Cart() with { Contact = CartContact.Empty }</c>.
/// </summary>
public static class TestData
{
    /// <summary>
    /// The fixed "now" of every test that does not say otherwise: Tuesday 24 November 2026, 09:00 UTC (a weekday morning
    /// in Europe, inside the default sending hours). Whole seconds, so values read back from any engine equal it.
    /// </summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    public static Store Store(long id = 1, string name = "Maple Goods", string timeZone = "UTC", string currency = "EUR") => new()
    {
        Id = id,
        Platform = Platforms.Demo,
        ExternalId = $"demo-{id}",
        Name = name,
        StorefrontUrl = "https://maple.example.com/",
        Currency = currency,
        TimeZone = timeZone,
        SenderEmail = "hello@maple.example.com",
        SenderName = name,
        CreatedAt = Now.AddDays(-30),
    };

    public static CartLine Line(
        string title = "Linen shirt",
        int quantity = 1,
        long unitPriceMinor = 4990,
        string? variantTitle = "Blue / M",
        string? imageUrl = "https://cdn.maple.example.com/linen-shirt.jpg",
        string? productUrl = "https://maple.example.com/products/linen-shirt") =>
        new(title, quantity, unitPriceMinor, VariantTitle: variantTitle, ImageUrl: imageUrl, ProductUrl: productUrl);

    /// <summary>Anna, who accepts marketing emails, in English.</summary>
    public static CartContact Contact(string? email = "anna@example.com") =>
        new(Email: email, FirstName: "Anna", LastName: "Berg", Locale: "en", AcceptsMarketing: true);

    /// <summary>
    /// What a platform reports for checkout <paramref name="externalId"/> of store 1, last updated at
    /// <paramref name="updatedAt"/> (default <see cref="Now"/>), holding <paramref name="lines"/> (one <see cref="Line"/>
    /// when none are given), totals summed.
    /// </summary>
    public static CartSnapshot Snapshot(DateTimeOffset? updatedAt = null, string externalId = "checkout-42", params CartLine[] lines)
    {
        IReadOnlyList<CartLine> content = lines.Length > 0 ? lines : [Line()];
        var total = content.Sum(l => l.LineTotalMinor);
        var at = updatedAt ?? Now;
        return new(1, externalId, Contact(), content, "EUR", total, total, $"https://maple.example.com/cart/restore/{externalId}", at.AddHours(-1), at);
    }

    /// <summary>An abandoned cart of store 1 holding <paramref name="lines"/> (one <see cref="Line"/> when none are given), totals summed.</summary>
    public static Cart Cart(params CartLine[] lines)
    {
        IReadOnlyList<CartLine> content = lines.Length > 0 ? lines : [Line()];
        var total = content.Sum(l => l.LineTotalMinor);
        return new Cart
        {
            Id = 42,
            StoreId = 1,
            ExternalId = "checkout-42",
            Status = CartStatus.Abandoned,
            Contact = Contact(),
            Lines = content,
            Currency = "EUR",
            SubtotalMinor = total,
            TotalMinor = total,
            RestoreUrl = "https://maple.example.com/cart/restore/checkout-42",
            PlatformCreatedAt = Now.AddHours(-2),
            PlatformUpdatedAt = Now.AddHours(-1),
            AbandonedAt = Now.AddMinutes(-45),
            CreatedAt = Now.AddHours(-2),
            UpdatedAt = Now.AddMinutes(-45),
        };
    }

    /// <summary>A claimed email step for the cart of <see cref="Cart"/>.</summary>
    public static OutboundMessage Message(string template = SequencePresets.ReminderTemplate, int step = 1, long id = 7, OfferSpec? offer = null) => new()
    {
        Id = id,
        StoreId = 1,
        CartId = 42,
        Step = step,
        Kind = StepKind.Email,
        Template = template,
        Offer = offer,
        DueAt = Now,
        Status = MessageStatus.Claimed,
        Attempts = 1,
    };
}
