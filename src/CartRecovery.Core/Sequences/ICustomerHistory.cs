using CartRecovery.Core.Carts;

namespace CartRecovery.Core.Sequences;

/// <summary>What we know of a customer from the stores' earlier carts and messages.</summary>
public interface ICustomerHistory
{
    /// <summary>True when another cart of the same store with the same (normalized) address was converted before this one.</summary>
    Task<bool> IsReturningAsync(Cart cart, CancellationToken ct);

    /// <summary>
    /// The offer history of the cart's customer (by normalized email) across <paramref name="storeIds"/>: when an offer
    /// was last sent to them, the carts they abandoned since <paramref name="since"/> without an order (this one
    /// included), and the orders they placed, this cart excepted. A cart without an email has no history.
    /// </summary>
    Task<CustomerOfferHistory> OfferHistoryAsync(Cart cart, IReadOnlyList<long> storeIds, DateTimeOffset since, CancellationToken ct);
}
