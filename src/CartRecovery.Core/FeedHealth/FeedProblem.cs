namespace CartRecovery.Core.FeedHealth;

/// <summary>Why a feed is <see cref="FeedState.Broken"/> or <see cref="FeedState.Stale"/> beyond its silence.</summary>
public enum FeedProblem
{
    None = 0,
    /// <summary>The platform refused the store's token or keys (HTTP 401/403).</summary>
    CredentialsRefused = 1,
    /// <summary>The latest poll failed for another reason (the platform down, a timeout).</summary>
    PollFailing = 2,
    /// <summary>No poll succeeded for a long time: the poll job is not running.</summary>
    PollNotRunning = 3,
    /// <summary>Webhook subscriptions were deleted at the platform (and could not be re-created).</summary>
    SubscriptionsMissing = 4,
    /// <summary>The storefront's home page no longer loads the capture script.</summary>
    CaptureScriptMissing = 5,
}
