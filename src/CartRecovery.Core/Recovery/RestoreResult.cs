namespace CartRecovery.Core.Recovery;

public enum RestoreOutcome
{
    /// <summary>Go to <see cref="RestoreResult.Destination"/>.</summary>
    Redirect,
    /// <summary>The link is authentic but expired; <see cref="RestoreResult.StoreUrl"/> still leads to the shop.</summary>
    Expired,
    /// <summary>Forged, altered, or for a message that no longer exists.</summary>
    Invalid,
}

public sealed record RestoreResult(RestoreOutcome Outcome, Uri? Destination = null, string? StoreName = null, string? StoreUrl = null)
{
    public static readonly RestoreResult Invalid = new(RestoreOutcome.Invalid);
}
