using CartRecovery.Core.Billing;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Messages;
using CartRecovery.Core.Sequences;
using CartRecovery.Testing;

namespace CartRecovery.Core.Tests;

/// <summary>
/// Core's scenario, built from the one kit (<see cref="TestData"/>, whose clock it shares): Ana's checkout chk-1 of
/// store 1 (cart 10) for a pair of Trail Boots, and its step messages (100 onwards). Override with <c>with</c>.
/// </summary>
internal static class Sample
{
    public static CartLine Line(string title = "Trail Boots", int quantity = 1, long price = 14500) =>
        TestData.Line(title, quantity, price, "EU 42", "https://shop.example/boots.png", "https://shop.example/boots")
            with { ProductId = "p1", VariantId = "v1", Sku = "SKU-1" };

    public static CartSnapshot Snapshot(DateTimeOffset updatedAt, string? email = "ana@example.com", params CartLine[] lines) =>
        TestData.Snapshot(updatedAt, "chk-1", lines.Length == 0 ? [Line()] : lines) with
        {
            Contact = new CartContact(email, FirstName: "Ana"),
            RestoreUrl = "https://shop.example/recover/1",
            CreatedAt = TestData.Now,
        };

    public static Cart Cart(long id = 10, CartStatus status = CartStatus.Abandoned, string? email = "ana@example.com") =>
        Core.Carts.Cart.FromSnapshot(Snapshot(TestData.Now, email), TestData.Now)
            with { Id = id, Status = status, AbandonedAt = status == CartStatus.Abandoned ? TestData.Now : null };

    public static OutboundMessage Message(long id = 100, int step = 1, StepKind kind = StepKind.Email, OfferSpec? offer = null) =>
        TestData.Message(kind == StepKind.Email ? SequencePresets.ReminderTemplate : SequencePresets.FollowUpTemplate, step, id, offer)
            with { CartId = 10, Kind = kind };

    /// <summary>Plans off, as on a self-hosted deployment: every email may go as far as billing is concerned.</summary>
    public static PlanGate NoPlans(TimeProvider time) =>
        new(new BillingOptions(), Moq.Mock.Of<ISubscriptionRepository>(), Moq.Mock.Of<IMessageRepository>(), [], time);
}
