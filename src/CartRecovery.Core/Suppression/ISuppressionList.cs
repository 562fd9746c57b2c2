namespace CartRecovery.Core.Suppression;

/// <summary>Addresses a store must never email again. Addresses are compared trimmed and case-insensitively.</summary>
public interface ISuppressionList
{
    Task<bool> IsSuppressedAsync(long storeId, string email, CancellationToken ct);

    /// <summary>Which of <paramref name="emails"/> the store must never email, in one read: their trimmed, lower-case forms.</summary>
    Task<IReadOnlySet<string>> SuppressedAmongAsync(long storeId, IReadOnlyCollection<string> emails, CancellationToken ct);

    /// <summary>Adds the address (idempotent: the first reason and time are kept).</summary>
    Task SuppressAsync(long storeId, string email, string reason, DateTimeOffset at, CancellationToken ct);

    Task<IReadOnlyList<SuppressedAddress>> ListAsync(long storeId, CancellationToken ct);

    /// <summary>Removes the address (a merchant correcting a mistake, the provider reactivating it). True when it was there.</summary>
    Task<bool> RemoveAsync(long storeId, string email, CancellationToken ct);

    /// <summary>
    /// Applies an opt-out (<see cref="OptOut"/>) in one transaction: adds the address (the first reason and time stay),
    /// cancels the pending messages to it, closes as OptedOut its open carts and <see cref="OptOutRecord.CartId"/> with
    /// the reason on their timelines, and closes the open follow-up tasks of all of them.
    /// </summary>
    Task<OptOutResult> OptOutAsync(OptOutRecord record, CancellationToken ct);
}

public sealed record SuppressedAddress(long StoreId, string Email, string Reason, DateTimeOffset CreatedAt);

/// <summary>
/// What <see cref="ISuppressionList.OptOutAsync"/> applies: the address suppressed at <paramref name="SuppressedAt"/>,
/// the carts and tasks closed at <paramref name="Now"/>.
/// </summary>
public sealed record OptOutRecord(long StoreId, string Email, string Reason, long? CartId, DateTimeOffset SuppressedAt, DateTimeOffset Now);

/// <summary>What an opt-out changed (all zero when the address had opted out already).</summary>
public readonly record struct OptOutResult(int CancelledMessages, int ClosedCarts, int ClosedTasks);
