using CartRecovery.Core.FeedHealth;
using CartRecovery.Core.Jobs;
using CartRecovery.Core.Storefronts;
using CartRecovery.Core.Stores;
using CartRecovery.Jobs.Connectors;
using Microsoft.Extensions.Options;

namespace CartRecovery.Jobs.FeedHealth;

/// <summary>
/// Judges each feed a store has (webhooks where its connector checks subscriptions, polling where it polls, the capture
/// script where it checks one: Shopify has the first two, WooCommerce all three) from what is recorded: the feed's rhythm and silence, and for polling the poll job's own runs
/// (a refused token or key, a failing or stopped poll). The health API, the settings page and the alarm job read this.
/// </summary>
public sealed class StoreFeeds(IFeedActivity activity, IJobRunRepository runs, IEnumerable<IStorePoller> pollers,
    IEnumerable<IWebhookSubscriptions> subscriptions, IEnumerable<ICaptureScriptCheck> captureChecks, IFeedAlarmRepository alarms,
    IOptions<JobsOptions> jobs, TimeProvider time)
{
    /// <summary>Poll runs read to find the last success (a failing store's history is mostly failures).</summary>
    private const int PollRunsRead = 50;

    /// <summary>
    /// The periodic check's calls to the platform: re-creates the webhook subscriptions it lost and reads whether its
    /// storefront still loads the capture script (WooCommerce).
    /// </summary>
    public async Task<PlatformProbes> ProbeAsync(Store store, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        var subscriptions = SubscriptionsOf(store) is { } check ? await check.EnsureAsync(store, ct) : null;
        var capture = CaptureCheckOf(store) is { } script ? await script.IsPresentAsync(store, ct) : null;
        return new PlatformProbes(subscriptions, capture);
    }

    /// <summary>The store's feeds now, from what is recorded (no platform is called).</summary>
    /// <param name="probes">What the periodic check just found at the platform; null: what it found last, as the open alarms keep it.</param>
    public async Task<IReadOnlyList<FeedReport>> CheckAsync(Store store, PlatformProbes? probes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        var open = probes is null ? (await alarms.ListAsync(store.Id, ct)).ToDictionary(a => a.Source) : null;
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
            report = probes?.Apply(report) ?? PlatformProbes.Recorded(report, open!.GetValueOrDefault(source));
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
        if (CaptureCheckOf(store) is not null)
            yield return FeedSource.Capture;
    }

    /// <summary>The connector's check of the store's webhook subscriptions; null for a platform without webhooks.</summary>
    public IWebhookSubscriptions? SubscriptionsOf(Store store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return subscriptions.FirstOrDefault(s => string.Equals(s.Platform, store.Platform, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The connector's check of its storefront capture script; null for a platform without one.</summary>
    private ICaptureScriptCheck? CaptureCheckOf(Store store) =>
        captureChecks.FirstOrDefault(c => string.Equals(c.Platform, store.Platform, StringComparison.OrdinalIgnoreCase));

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
    private TimeSpan PollSilenceLimit
    {
        get
        {
            var ten = jobs.Value.PollStoresEvery * 10;
            return ten > TimeSpan.FromMinutes(30) ? ten : TimeSpan.FromMinutes(30);
        }
    }
}
