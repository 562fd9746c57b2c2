namespace CartRecovery.Core.Messages;

public enum MessageStatus
{
    /// <summary>Waiting for its due time.</summary>
    Pending = 0,
    /// <summary>Taken by a dispatcher until its lease runs out; an expired lease makes it claimable again.</summary>
    Claimed = 1,
    /// <summary>Handed to the transport (or, for a task step, the task was created).</summary>
    Sent = 2,
    /// <summary>Gave up after the last attempt; <c>LastError</c> says why.</summary>
    Failed = 3,
    /// <summary>No longer wanted: the cart converted, the customer opted out, ...</summary>
    Cancelled = 4,
    /// <summary>
    /// Set aside for a person: its attempts ended without any result (the process died mid-send) too many times in a
    /// row (<see cref="Recovery.RecoveryOptions.PoisonAfterUnfinishedAttempts"/>); <c>LastError</c> says so. Never claimed again.
    /// </summary>
    Quarantined = 5,
}
