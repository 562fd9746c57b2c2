using CartRecovery.Core.Carts;

namespace CartRecovery.Core.Sequences;

/// <summary>How many of a store's recently abandoned carts each of its active sequences would take, and how many none would.</summary>
/// <param name="Considered">The carts looked at: those abandoned since <paramref name="Since"/>, at most <see cref="SequenceReachCheck.MaxCarts"/>.</param>
public sealed record SequenceReach(DateTimeOffset Since, int Considered, IReadOnlyDictionary<long, int> BySequence, int Unmatched)
{
    /// <summary>
    /// The store has active sequences of its own, recent carts, and none of those carts enters any sequence: nothing
    /// is being sent. (A store without sequences of its own uses its preset, which takes every cart.)
    /// </summary>
    public bool SendsNothing => BySequence.Count > 0 && Considered > 0 && Unmatched == Considered;
}

/// <summary>
/// Replays enrolment (<see cref="SequenceEnrolment"/>: the first active sequence by priority whose conditions match) on
/// a store's recently abandoned carts, so a merchant sees what the conditions let through before waiting for sends.
/// </summary>
public sealed class SequenceReachCheck(ICartRepository carts, ISequenceRepository sequences, SequenceEnrolment enrolment, TimeProvider time)
{
    /// <summary>How far back carts count.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromDays(30);

    /// <summary>The most carts read (newest first), which bounds the query and the customer-history look-ups.</summary>
    public const int MaxCarts = 200;

    public async Task<SequenceReach> CheckAsync(long storeId, CancellationToken ct)
    {
        var since = time.GetUtcNow() - Window;
        var own = (await sequences.ListAsync(storeId, ct)).Where(s => s.Active).ToList();
        var recent = await carts.ListAsync(new CartQuery(storeId, Take: MaxCarts) { AbandonedFrom = since }, ct);
        var bySequence = own.ToDictionary(s => s.Id, _ => 0);
        var unmatched = 0;
        foreach (var cart in recent)
        {
            if (await enrolment.FirstMatchAsync(own, cart, ct) is { } taker)
                bySequence[taker.Id]++;
            else
                unmatched++;
        }
        return new(since, recent.Count, bySequence, unmatched);
    }
}
