using CartRecovery.Core.Billing;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Messages;
using CartRecovery.Core.Sequences;
using CartRecovery.Core.Stores;

namespace CartRecovery.Core.Tests;

/// <summary>Small, valid records for unit tests; override what the test is about with <c>with</c>.</summary>
internal static class Sample
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    public static Store Store(long id = 1) => new()
    {
        Id = id,
        Platform = Platforms.Demo,
        ExternalId = $"shop-{id}",
        Name = "Test Shop",
        StorefrontUrl = "https://shop.example/",
        Currency = "EUR",
        SenderEmail = "shop@shop.example",
        SenderName = "Test Shop",
        CreatedAt = T0,
    };

    public static CartLine Line(string title = "Trail Boots", int quantity = 1, long price = 14500) =>
        new(title, quantity, price, "p1", "v1", "SKU-1", "EU 42", "https://shop.example/boots.png", "https://shop.example/boots");

    public static CartSnapshot Snapshot(DateTimeOffset updatedAt, string? email = "ana@example.com", params CartLine[] lines)
    {
        var list = lines.Length == 0 ? [Line()] : lines;
        var total = list.Sum(l => l.LineTotalMinor);
        return new(1, "chk-1", new CartContact(email, FirstName: "Ana"), list, "EUR", total, total, "https://shop.example/recover/1", T0, updatedAt);
    }

    public static Cart Cart(long id = 10, CartStatus status = CartStatus.Abandoned, string? email = "ana@example.com") =>
        Core.Carts.Cart.FromSnapshot(Snapshot(T0, email), T0) with { Id = id, Status = status, AbandonedAt = status == CartStatus.Abandoned ? T0 : null };

    public static OutboundMessage Message(long id = 100, int step = 1, StepKind kind = StepKind.Email, OfferSpec? offer = null) => new()
    {
        Id = id,
        StoreId = 1,
        CartId = 10,
        Step = step,
        Kind = kind,
        Template = kind == StepKind.Email ? SequencePresets.ReminderTemplate : SequencePresets.FollowUpTemplate,
        Offer = offer,
        DueAt = T0,
        Status = MessageStatus.Claimed,
        Attempts = 1,
    };

    /// <summary>Plans off, as on a self-hosted deployment: every email may go as far as billing is concerned.</summary>
    public static PlanGate NoPlans(TimeProvider time) =>
        new(new BillingOptions(), Moq.Mock.Of<ISubscriptionStore>(), Moq.Mock.Of<IMessageStore>(), [], time);
}
