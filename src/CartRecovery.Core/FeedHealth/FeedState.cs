namespace CartRecovery.Core.FeedHealth;

/// <summary>
/// A feed's state: <see cref="Learning"/> while its rhythm is unknown (no verdict either way), <see cref="Stale"/> when
/// its silence is abnormal, <see cref="Broken"/> when it cannot work at all (credentials refused, its webhooks gone).
/// </summary>
public enum FeedState
{
    Learning = 0,
    Flowing = 1,
    Stale = 2,
    Broken = 3,
}
