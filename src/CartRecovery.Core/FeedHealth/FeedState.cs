namespace CartRecovery.Core.FeedHealth;

/// <summary>A feed's state: <see cref="Learning"/> while its rhythm is unknown (no verdict either way).</summary>
public enum FeedState
{
    Learning = 0,
    Flowing = 1,
    Stale = 2,
}
