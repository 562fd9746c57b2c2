namespace CartRecovery.Core.Sequences;

/// <summary>A store's own sequences and every version of them.</summary>
public interface ISequenceRepository
{
    /// <summary>Creates a sequence at version 1 and returns it.</summary>
    Task<StoreSequence> CreateAsync(long storeId, SequenceDefinition definition, DateTimeOffset now, CancellationToken ct);

    /// <summary>Adds the next version (active again) and returns it; null when the store has no such sequence.</summary>
    Task<StoreSequence?> UpdateAsync(long storeId, long sequenceId, SequenceDefinition definition, DateTimeOffset now, CancellationToken ct);

    /// <summary>Stops new carts enrolling; scheduled messages keep running. False when there is no such sequence.</summary>
    Task<bool> DeactivateAsync(long storeId, long sequenceId, DateTimeOffset now, CancellationToken ct);

    /// <summary>The current version of the store's sequence, or null.</summary>
    Task<StoreSequence?> GetAsync(long storeId, long sequenceId, CancellationToken ct);

    /// <summary>The current version of each of the store's sequences (active or not), by priority then id.</summary>
    Task<IReadOnlyList<StoreSequence>> ListAsync(long storeId, CancellationToken ct);

    /// <summary>Every version of the sequence, oldest first; empty when the store has no such sequence.</summary>
    Task<IReadOnlyList<StoreSequence>> ListVersionsAsync(long storeId, long sequenceId, CancellationToken ct);

    /// <summary>Sent, opened, clicked, recovered and revenue per step and variant, over every version.</summary>
    Task<IReadOnlyList<VariantCounts>> CountResultsAsync(long sequenceId, CancellationToken ct);

    /// <summary>The same, for the messages sent in [<paramref name="from"/>, <paramref name="until"/>) and the orders they recovered.</summary>
    Task<IReadOnlyList<VariantCounts>> CountResultsAsync(long sequenceId, DateTimeOffset from, DateTimeOffset until, CancellationToken ct);

    /// <summary>
    /// The carts enrolled in the sequence under <paramref name="versions"/>, in <paramref name="currency"/>, split into
    /// treated and control group, with their orders.
    /// </summary>
    Task<HoldOutGroups> CountHoldOutAsync(long sequenceId, IReadOnlyCollection<int> versions, string currency, CancellationToken ct);
}
