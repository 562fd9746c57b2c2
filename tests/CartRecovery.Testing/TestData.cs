using CartRecovery.Core.Carts;
using CartRecovery.Core.Messages;
using CartRecovery.Core.Sequences;
using CartRecovery.Core.Stores;

namespace CartRecovery.Testing;

/// <summary>
/// Realistic Core records with every required field set. Tweak one with <c>with</c>:
/// <c>TestData.Cart() with { Contact = CartContact.Empty }</c>.
/// </summary>
public static class TestData
{
    /// <summary>A fixed "now" for tests that pair these records with a fake clock.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 22, 17, 0, 0, TimeSpan.Zero);

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
            Contact = new CartContact(Email: "anna@example.com", FirstName: "Anna", LastName: "Berg", Locale: "en", AcceptsMarketing: true),
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
