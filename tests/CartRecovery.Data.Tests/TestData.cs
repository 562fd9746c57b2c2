using CartRecovery.Core.Carts;
using CartRecovery.Core.Messages;
using CartRecovery.Core.Sequences;
using CartRecovery.Core.Stores;

namespace CartRecovery.Data.Tests;

/// <summary>Builders for the records the stores take, with fixed times (no clocks, no sleeps).</summary>
public static class TestData
{
    /// <summary>The reference instant of every scenario; whole milliseconds so values read back equal.</summary>
    public static readonly DateTimeOffset T0 = new(2025, 3, 14, 9, 30, 0, TimeSpan.Zero);

    /// <summary>Two emails and a follow-up task, an hour apart, the second with an offer.</summary>
    public static readonly SequenceDefinition ThreeSteps = new("test",
    [
        new(1, TimeSpan.FromHours(1), StepKind.Email, "reminder"),
        new(2, TimeSpan.FromHours(2), StepKind.Email, "offer", new OfferSpec(OfferKind.Percentage, 10, TimeSpan.FromHours(48))),
        new(3, TimeSpan.FromHours(3), StepKind.FollowUpTask, "follow-up"),
    ]);

    public static Store Store(string externalId = "shop-1", TimeSpan? abandonAfter = null, string currency = "EUR",
        string platform = Platforms.Demo) => new()
    {
        Platform = platform,
        ExternalId = externalId,
        Name = $"Shop {externalId}",
        StorefrontUrl = $"https://{externalId}.example.com/",
        Currency = currency,
        TimeZone = "Europe/Berlin",
        Locale = "de",
        AbandonAfter = abandonAfter ?? TimeSpan.FromMinutes(15),
        Sequence = ThreeSteps.Name,
        SenderEmail = $"hello@{externalId}.example.com",
        SenderName = $"Shop {externalId}",
        CreatedAt = T0.AddDays(-30),
    };

    public static CartLine Line(string title = "Mug", int quantity = 1, long unitPriceMinor = 1_500) =>
        new(title, quantity, unitPriceMinor, $"p-{title}", $"v-{title}", $"sku-{title}", "Blue", $"https://img.example.com/{title}.png",
            $"https://shop.example.com/{title}");

    public static CartSnapshot Snapshot(long storeId, string externalId, DateTimeOffset updatedAt, string? email = "ada@example.com",
        IReadOnlyList<CartLine>? lines = null, string currency = "EUR")
    {
        lines ??= [Line()];
        var total = lines.Sum(l => l.LineTotalMinor);
        return new(storeId, externalId, new CartContact(email, "+4930123456", "Ada", "Lovelace", "de", true), lines, currency,
            total, total + 495, $"https://shop.example.com/checkouts/{externalId}/recover", updatedAt.AddMinutes(-10), updatedAt);
    }

    /// <summary>The messages <see cref="ThreeSteps"/> plans for a cart abandoned at <paramref name="abandonedAt"/>.</summary>
    public static IReadOnlyList<OutboundMessage> Plan(Cart cart, DateTimeOffset abandonedAt) =>
        SequencePlanner.Plan(cart.StoreId, cart.Id, ThreeSteps, abandonedAt);
}
