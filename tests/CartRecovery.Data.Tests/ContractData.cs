using CartRecovery.Core.Carts;
using CartRecovery.Core.Messages;
using CartRecovery.Core.Sequences;
using CartRecovery.Core.Stores;
using CartRecovery.Testing;

namespace CartRecovery.Data.Tests;

/// <summary>
/// The contract suites' scenario on the one kit (<see cref="TestData"/>, whose clock <see cref="DatabaseContract.Now"/>
/// is): shops in Berlin with a three-step sequence, distinct external ids so several fit in one database.
/// </summary>
public static class ContractData
{
    /// <summary>Two emails and a follow-up task, an hour apart, the second with an offer.</summary>
    public static readonly SequenceDefinition ThreeSteps = new("test",
    [
        new(1, TimeSpan.FromHours(1), StepKind.Email, "reminder"),
        new(2, TimeSpan.FromHours(2), StepKind.Email, "offer", new OfferSpec(OfferKind.Percentage, 10, TimeSpan.FromHours(48))),
        new(3, TimeSpan.FromHours(3), StepKind.FollowUpTask, "follow-up"),
    ]);

    /// <summary>A new shop (no id yet) abandoning carts after <paramref name="abandonAfter"/> (15 minutes unless given).</summary>
    public static Store Store(string externalId = "shop-1", TimeSpan? abandonAfter = null, string currency = "EUR",
        string platform = Platforms.Demo) => TestData.Store(id: 0, name: $"Shop {externalId}", timeZone: "Europe/Berlin", currency: currency) with
    {
        Platform = platform,
        ExternalId = externalId,
        StorefrontUrl = $"https://{externalId}.example.com/",
        Locale = "de",
        AbandonAfter = abandonAfter ?? TimeSpan.FromMinutes(15),
        Sequence = ThreeSteps.Name,
        SenderEmail = $"hello@{externalId}.example.com",
    };

    public static CartLine Line(string title = "Mug", int quantity = 1, long unitPriceMinor = 1_500) =>
        TestData.Line(title, quantity, unitPriceMinor, "Blue", $"https://img.example.com/{title}.png", $"https://shop.example.com/{title}")
            with { ProductId = $"p-{title}", VariantId = $"v-{title}", Sku = $"sku-{title}" };

    /// <summary>Ada's checkout <paramref name="externalId"/> of the store, last updated at <paramref name="updatedAt"/>.</summary>
    public static CartSnapshot Snapshot(long storeId, string externalId, DateTimeOffset updatedAt, string? email = "ada@example.com",
        IReadOnlyList<CartLine>? lines = null, string currency = "EUR")
    {
        lines ??= [Line()];
        var total = lines.Sum(l => l.LineTotalMinor);
        return TestData.Snapshot(updatedAt, externalId) with
        {
            StoreId = storeId,
            Contact = new CartContact(email, "+4930123456", "Ada", "Lovelace", "de", true),
            Lines = lines,
            Currency = currency,
            SubtotalMinor = total,
            TotalMinor = total + 495,
            RestoreUrl = $"https://shop.example.com/checkouts/{externalId}/recover",
            CreatedAt = updatedAt.AddMinutes(-10),
        };
    }

    /// <summary>The messages <see cref="ThreeSteps"/> plans for a cart abandoned at <paramref name="abandonedAt"/>.</summary>
    public static IReadOnlyList<OutboundMessage> Plan(Cart cart, DateTimeOffset abandonedAt) =>
        SequencePlanner.Plan(cart.StoreId, cart.Id, ThreeSteps, abandonedAt);
}
