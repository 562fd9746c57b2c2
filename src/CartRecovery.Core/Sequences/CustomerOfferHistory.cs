namespace CartRecovery.Core.Sequences;

/// <summary>
/// What the account knows of a customer (by email, across its stores) when an offer step is due: the last offer sent,
/// the carts abandoned without an order within the policy's cooldown (this one included), and orders ever placed.
/// </summary>
public sealed record CustomerOfferHistory(DateTimeOffset? LastOfferAt, int AbandonedWithoutOrder, int PastOrders)
{
    public static readonly CustomerOfferHistory FirstVisit = new(null, 1, 0);
}
