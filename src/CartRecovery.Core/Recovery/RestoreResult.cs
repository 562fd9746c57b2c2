namespace CartRecovery.Core.Recovery;

public enum RestoreOutcome
{
    /// <summary>Go to <see cref="RestoreResult.Destination"/>.</summary>
    Redirect,
    /// <summary>The link is authentic but expired; <see cref="RestoreResult.StoreUrl"/> still leads to the shop.</summary>
    Expired,
    /// <summary>Forged, altered, or for a message that no longer exists.</summary>
    Invalid,
    /// <summary>Authentic, but the platform's way back leads off the store's own hosts (or is not a web link): no redirect.</summary>
    Refused,
}

public sealed record RestoreResult(RestoreOutcome Outcome, Uri? Destination = null, string? StoreName = null, string? StoreUrl = null)
{
    public static readonly RestoreResult Invalid = new(RestoreOutcome.Invalid);
}
