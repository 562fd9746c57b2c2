namespace CartRecovery.Core.Restore;

/// <summary>Each purpose signs differently, so a restore link can never be replayed as an unsubscribe and vice versa.</summary>
public enum TokenPurpose : byte
{
    Restore = 1,
    Unsubscribe = 2,
    /// <summary>The "why did you leave?" links of a first email (<c>/why/{token}?r=…</c>).</summary>
    Reason = 3,
}
