using CartRecovery.Core.Carts;
using CartRecovery.Core.Messages;
using CartRecovery.Core.Stores;

namespace CartRecovery.Core.Sequences;

/// <summary>
/// What an abandoned cart enrols in: its plan, and the store's sequence it came from (null for a preset). A cart drawn
/// into the sequence's hold-out (<see cref="ControlGroup"/>) is enrolled with <see cref="Control"/> set and no plan.
/// </summary>
public sealed record Enrolment(IReadOnlyList<OutboundMessage> Plan, StoreSequence? Sequence, bool Matched)
{
    public bool Control { get; init; }
}

/// <summary>
/// Chooses a cart's sequence. A store with active sequences of its own enrols the cart in the first (by priority, then
/// age) whose conditions it meets, or in nothing when none does; a store without any uses its preset.
/// </summary>
public sealed class SequenceEnrolment
{
    private readonly ISequenceRepository _sequences;
    private readonly ICustomerHistory _history;

    public SequenceEnrolment(ISequenceRepository sequences, ICustomerHistory history)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        ArgumentNullException.ThrowIfNull(history);
        _sequences = sequences;
        _history = history;
    }

    /// <summary>The plan for <paramref name="cart"/>, with steps counted from <paramref name="abandonedAt"/>.</summary>
    public async Task<Enrolment> ChooseAsync(Store store, Cart cart, DateTimeOffset abandonedAt, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(cart);
        var own = (await _sequences.ListAsync(store.Id, ct)).Where(s => s.Active).ToList();
        if (own.Count == 0)
            return new(SequencePlanner.Plan(store.Id, cart.Id, SequencePresets.Find(store.Sequence), abandonedAt), null, Matched: true);

        if (await FirstMatchAsync(own, cart, ct) is { } sequence)
        {
            // Held out: enrolled (so its later order counts for the control group) with nothing ever scheduled.
            return ControlGroup.IsControl(sequence.Id, cart.Id, sequence.Definition.HoldOutPercent)
                ? new([], sequence, Matched: true) { Control = true }
                : new(SequencePlanner.Plan(cart.Id, sequence, abandonedAt), sequence, Matched: true);
        }
        return new([], null, Matched: false);
    }

    /// <summary>The first of <paramref name="active"/> (by priority, then age) whose conditions <paramref name="cart"/> meets, or null.</summary>
    public async Task<StoreSequence?> FirstMatchAsync(IEnumerable<StoreSequence> active, Cart cart, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(active);
        ArgumentNullException.ThrowIfNull(cart);
        bool? returning = null;
        foreach (var sequence in active.OrderBy(s => s.Definition.Priority).ThenBy(s => s.Id))
        {
            var conditions = sequence.Definition.Conditions;
            if (conditions.NeedsCustomerHistory)
                returning ??= await _history.IsReturningAsync(cart, ct);
            if (conditions.Matches(cart, returning ?? false))
                return sequence;
        }
        return null;
    }
}
