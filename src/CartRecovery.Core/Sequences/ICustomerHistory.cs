using CartRecovery.Core.Carts;

namespace CartRecovery.Core.Sequences;

/// <summary>What we know of a customer from the store's earlier carts.</summary>
public interface ICustomerHistory
{
    /// <summary>True when another cart of the same store with the same (normalized) address was converted before this one.</summary>
    Task<bool> IsReturningAsync(Cart cart, CancellationToken ct);
}
