using CartRecovery.Core.Attribution;

namespace CartRecovery.Core.Sequences;

/// <summary>The incremental figures of a store's sequence: its treated carts against its control group.</summary>
public sealed class SequenceLift(ISequenceRepository sequences)
{
    /// <summary>
    /// Compares the carts enrolled under the versions that held some out (the others have no control to compare with),
    /// in <paramref name="currency"/>; null when no version of the sequence ever held carts out.
    /// </summary>
    public async Task<LiftEstimate?> EstimateAsync(long storeId, long sequenceId, string currency, CancellationToken ct)
    {
        var versions = (await sequences.ListVersionsAsync(storeId, sequenceId, ct))
            .Where(v => v.Definition.HoldOutPercent > 0).Select(v => v.Version).ToList();
        if (versions.Count == 0)
            return null;
        var groups = await sequences.CountHoldOutAsync(sequenceId, versions, currency, ct);
        return LiftEstimator.Estimate(groups.Treated, groups.Control);
    }
}
