using CartRecovery.Core.FeedHealth;

namespace CartRecovery.Jobs.FeedHealth;

/// <summary>
/// What the periodic check found at the platform, which the recorded history cannot show: the webhook subscriptions
/// (after re-creating the missing ones) and whether the storefront still loads the capture script (null: not checked or
/// could not tell). Such a finding breaks its feed however recently the feed's last event came.
/// </summary>
public sealed record PlatformProbes(SubscriptionCheck? Subscriptions, bool? CaptureScriptPresent)
{
    /// <summary>The report with what the probes found about its feed.</summary>
    public FeedReport Apply(FeedReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Source switch
        {
            FeedSource.Webhooks when Subscriptions is { Failure: { } failure } =>
                // A check that failed for another reason than refused credentials (the platform down) proves nothing.
                PollFailure.Classify(failure) == FeedProblem.CredentialsRefused ? Broken(report, FeedProblem.CredentialsRefused, failure) : report,
            FeedSource.Webhooks when Subscriptions is { IsBroken: true } check =>
                Broken(report, FeedProblem.SubscriptionsMissing, string.Join(", ", check.Missing.Except(check.Recreated, StringComparer.Ordinal))),
            FeedSource.Capture when CaptureScriptPresent == false => Broken(report, FeedProblem.CaptureScriptMissing, null),
            _ => report,
        };
    }

    /// <summary>
    /// Between checks (the health API, the settings page), the last finding as the feed's open alarm keeps it: an alarm
    /// for a problem only the probes can see still breaks the feed.
    /// </summary>
    public static FeedReport Recorded(FeedReport report, FeedAlarm? open)
    {
        ArgumentNullException.ThrowIfNull(report);
        return open is { Problem: FeedProblem.SubscriptionsMissing or FeedProblem.CaptureScriptMissing }
            || (open is { Problem: FeedProblem.CredentialsRefused } && report.Source == FeedSource.Webhooks)
            ? Broken(report, open.Problem, report.Detail)
            : report;
    }

    /// <summary>
    /// True when these probes cannot tell whether the problem of <paramref name="alarm"/> is gone (the page or the
    /// platform did not answer): its alarm stays open rather than sending a recovery notice on no evidence.
    /// </summary>
    public bool CannotTell(FeedAlarm alarm)
    {
        ArgumentNullException.ThrowIfNull(alarm);
        return alarm.Problem switch
        {
            FeedProblem.CaptureScriptMissing => CaptureScriptPresent is null,
            FeedProblem.SubscriptionsMissing => Subscriptions is null or { Failure: not null },
            _ => false,
        };
    }

    private static FeedReport Broken(FeedReport report, FeedProblem problem, string? detail) =>
        report with { State = FeedState.Broken, Problem = problem, Detail = detail };
}
