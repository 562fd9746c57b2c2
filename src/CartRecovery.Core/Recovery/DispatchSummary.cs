namespace CartRecovery.Core.Recovery;

/// <summary>What one dispatch pass did.</summary>
public sealed record DispatchSummary(int Claimed, int Sent, int Cancelled, int Retrying, int Failed, bool FilledBatch)
{
    public static readonly DispatchSummary Empty = new(0, 0, 0, 0, 0, false);
}
