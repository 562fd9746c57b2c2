using CartRecovery.Core.FeedHealth;
using CartRecovery.Core.Jobs;
using CartRecovery.Core.Storefronts;
using CartRecovery.Core.Stores;
using CartRecovery.Jobs.Connectors;
using Microsoft.Extensions.Options;

namespace CartRecovery.Jobs.FeedHealth;

/// <summary>
/// Judges each feed a store has (webhooks on Shopify and WooCommerce, polling wherever a connector polls, the capture
/// script on WooCommerce) from what is recorded: the feed's rhythm and silence, and for polling the poll job's own runs
/// (a refused token or key, a failing or stopped poll). The health API, the settings page and the alarm job read this.
/// </summary>
public sealed class StoreFeeds(IFeedActivity activity, IJobRunRepository runs, IEnumerable<IStorePoller> pollers,
    IEnumerable<IWebhookSubscriptions> subscriptions, IFeedAlarmRepository alarms, IOptions<JobsOptions> jobs, TimeProvider time)
{
    /// <summary>Poll runs read to find the last success (a failing store's history is mostly failures).</summary>
    private const int PollRunsRead = 50;

    /// <summary>The store's feeds now, from what is recorded (no platform is called).</summary>
    /// <param name="subscriptionCheck">
    /// What the periodic check just found at the platform (<see cref="SubscriptionsOf"/>); null: what it found last, as
    /// its open alarm keeps it.
    /// </param>
    public async Task<IReadOnlyList<FeedReport>> CheckAsync(Store store, SubscriptionCheck? subscriptionCheck, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        var now = time.GetUtcNow();
        var zone = store.ResolveTimeZone();
        var reports = new List<FeedReport>(3);
        foreach (var source in SourcesOf(store))
        {
            var last = await activity.LastEventAsync(store.Id, source, ct);
            var (since, until) = FeedCheck.LearningSpan(now, last, store.CreatedAt);
            var hours = await activity.EventsPerHourAsync(store.Id, source, since, until, ct);
            var report = FeedCheck.Judge(source, hours, since, until, last, now, zone);
            if (source == FeedSource.Polling)
                report = await WithPollRunsAsync(report, store, now, ct);
            if (source == FeedSource.Webhooks)
                report = await WithSubscriptionsAsync(report, store, subscriptionCheck, ct);
            reports.Add(report);
        }
        return reports;
    }

    public IEnumerable<FeedSource> SourcesOf(Store store)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (SubscriptionsOf(store) is not null)
            yield return FeedSource.Webhooks;
        if (pollers.Any(p => string.Equals(p.Platform, store.Platform, StringComparison.OrdinalIgnoreCase)))
            yield return FeedSource.Polling;
        if (store.Platform == Platforms.WooCommerce)
            yield return FeedSource.Capture;
    }

    /// <summary>The connector's check of the store's webhook subscriptions; null for a platform without webhooks.</summary>
    public IWebhookSubscriptions? SubscriptionsOf(Store store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return subscriptions.FirstOrDefault(s => string.Equals(s.Platform, store.Platform, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Webhooks whose subscriptions are gone (and could not be re-created), or whose check was refused the credentials,
    /// are broken however recently the last delivery came. A check that failed for another reason (the platform down)
    /// proves nothing either way.
    /// </summary>
    private async Task<FeedReport> WithSubscriptionsAsync(FeedReport report, Store store, SubscriptionCheck? check, CancellationToken ct)
    {
        if (check is null)
        {
            var open = (await alarms.ListAsync(store.Id, ct)).FirstOrDefault(a => a.Source == FeedSource.Webhooks);
            return open is { Problem: FeedProblem.SubscriptionsMissing or FeedProblem.CredentialsRefused }
                ? report with { State = FeedState.Broken, Problem = open.Problem }
                : report;
        }
        if (check.Failure is { } failure)
            return PollFailure.Classify(failure) == FeedProblem.CredentialsRefused
                ? report with { State = FeedState.Broken, Problem = FeedProblem.CredentialsRefused, Detail = failure }
                : report;
        return check.IsBroken
            ? report with
            {
                State = FeedState.Broken, Problem = FeedProblem.SubscriptionsMissing,
                Detail = string.Join(", ", check.Missing.Except(check.Recreated, StringComparer.Ordinal)),
            }
            : report;
    }

    /// <summary>
    /// A poll whose latest run failed is broken whatever the carts say; one that has not succeeded for
    /// <see cref="PollSilenceLimit"/> is stale (the job stopped). A store never polled yet is judged on its carts only.
    /// </summary>
    private async Task<FeedReport> WithPollRunsAsync(FeedReport report, Store store, DateTimeOffset now, CancellationToken ct)
    {
        var key = PollStoreJob.KeyFor(store.Id);
        var recent = await runs.ListAsync(key.Group, key.Name, PollRunsRead, ct);
        var finished = recent.Where(r => r.Outcome is JobRunOutcome.Succeeded or JobRunOutcome.Failed).ToList();
        if (finished is [{ Outcome: JobRunOutcome.Failed } latest, ..])
            return report with { State = FeedState.Broken, Problem = PollFailure.Classify(latest.Error), Detail = latest.Error };
        var lastSuccess = finished.FirstOrDefault()?.FinishedAt ?? finished.FirstOrDefault()?.StartedAt;
        if (lastSuccess is { } at && now - at > PollSilenceLimit)
            return report with { State = FeedState.Stale, Problem = FeedProblem.PollNotRunning };
        return report;
    }

    /// <summary>Ten poll intervals, and never under half an hour (a restart, a slow platform page).</summary>
    private TimeSpan PollSilenceLimit => jobs.Value.PollStoresEvery * 10 is var ten && ten > TimeSpan.FromMinutes(30) ? ten : TimeSpan.FromMinutes(30);
}
