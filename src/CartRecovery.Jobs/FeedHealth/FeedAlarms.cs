using CartRecovery.Core.Accounts;
using CartRecovery.Core.FeedHealth;
using CartRecovery.Core.Stores;
using Microsoft.Extensions.Logging;

namespace CartRecovery.Jobs.FeedHealth;

/// <summary>
/// Re-creates the webhook subscriptions each active store lost at its platform, judges its feeds and tells the account's
/// owners when one goes stale or broken — once: the alarm is kept in <see cref="IFeedAlarmRepository"/>, so a later run
/// (after a restart, on another node) sees it was sent — and once more when it recovers. One store's failure is logged
/// and the others are still checked.
/// </summary>
public sealed partial class FeedAlarms(IStoreRepository stores, StoreFeeds feeds, IFeedAlarmRepository alarms, IAccountRepository accounts,
    IFeedAlertSender sender, TimeProvider time, ILogger<FeedAlarms> logger)
{
    /// <summary>Checks every active store; returns how many alert and recovery emails went out.</summary>
    public async Task<int> CheckAllAsync(CancellationToken ct)
    {
        var sent = 0;
        foreach (var store in await stores.ListAsync(ct))
        {
            if (store.Status != StoreStatus.Active)
                continue;
            try
            {
                sent += await CheckAsync(store, ct);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                Log.CheckFailed(logger, error, store.Id);
            }
        }
        return sent;
    }

    /// <summary>Checks one store's feeds; returns how many emails went out.</summary>
    public async Task<int> CheckAsync(Store store, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        // The calls to the platform: subscriptions deleted there are re-created before the feeds are judged.
        var probes = await feeds.ProbeAsync(store, ct);
        if (probes.Subscriptions is { Recreated.Count: > 0 } subscriptions)
            Log.Recreated(logger, store.Id, string.Join(", ", subscriptions.Recreated));
        var reports = await feeds.CheckAsync(store, probes, ct);
        var open = (await alarms.ListAsync(store.Id, ct)).ToDictionary(a => a.Source);
        var sent = 0;
        foreach (var report in reports)
        {
            open.Remove(report.Source, out var alarm);
            if (report.IsAlarming)
            {
                if (alarm is null)
                {
                    alarm = new FeedAlarm(store.Id, report.Source, report.State, report.Problem, report.CheckedAt, null);
                    if (!await alarms.RaiseAsync(alarm, ct))
                        continue;
                    Log.Raised(logger, store.Id, report.Source, report.State, report.Problem);
                }
                else if ((alarm.State, alarm.Problem) != (report.State, report.Problem))
                {
                    // Still the same alarm (no new email), but the health API and page show what it stands for now.
                    await alarms.ChangeAsync(store.Id, report.Source, report.State, report.Problem, ct);
                }
                // An alarm raised but not yet told (the email failed, the process stopped in between) is told now.
                if (alarm.NotifiedAt is null && await NotifyAsync(store, report, recovered: false, ct) is var (told, any) && told)
                {
                    await alarms.MarkNotifiedAsync(store.Id, report.Source, time.GetUtcNow(), ct);
                    sent += any;
                }
            }
            else if (alarm is not null && !probes.CannotTell(alarm) && await alarms.ClearAsync(store.Id, report.Source, ct))
            {
                Log.Cleared(logger, store.Id, report.Source);
                // Owners who never heard of the alarm need no recovery notice.
                if (alarm.NotifiedAt is not null)
                    sent += (await NotifyAsync(store, report, recovered: true, ct)).Sent;
            }
        }
        // A feed the store no longer has (its platform changed): its alarm goes without a word.
        foreach (var gone in open.Values)
            await alarms.ClearAsync(store.Id, gone.Source, ct);
        return sent;
    }

    /// <summary>Emails each owner of the store's account; told when at least one email left (or there is nobody to tell).</summary>
    private async Task<(bool Told, int Sent)> NotifyAsync(Store store, FeedReport report, bool recovered, CancellationToken ct)
    {
        var owners = await OwnerEmailsAsync(store, ct);
        var sent = 0;
        foreach (var owner in owners)
        {
            if (await sender.SendAsync(owner, store, report, recovered, ct))
                sent++;
        }
        return (owners.Count == 0 || sent > 0, sent);
    }

    private async Task<IReadOnlyList<string>> OwnerEmailsAsync(Store store, CancellationToken ct)
    {
        if (store.AccountId is not { } accountId)
            return [];
        var emails = new List<string>();
        foreach (var member in await accounts.ListMembersAsync(accountId, ct))
        {
            if (member.Role != AccountRole.Owner || (member.StoreIds is { } only && !only.Contains(store.Id)))
                continue;
            if (await accounts.GetUserAsync(member.UserId, ct) is { Email: { Length: > 0 } email })
                emails.Add(email);
        }
        return emails;
    }

    private static partial class Log
    {
        [LoggerMessage(3601, LogLevel.Warning, "Feed alarm raised for store {StoreId}: {Source} is {State} ({Problem})")]
        public static partial void Raised(ILogger logger, long storeId, FeedSource source, FeedState state, FeedProblem problem);

        [LoggerMessage(3602, LogLevel.Information, "Feed alarm cleared for store {StoreId}: {Source} recovered")]
        public static partial void Cleared(ILogger logger, long storeId, FeedSource source);

        [LoggerMessage(3604, LogLevel.Warning, "Webhook subscriptions of store {StoreId} were missing at the platform and were re-created: {Topics}")]
        public static partial void Recreated(ILogger logger, long storeId, string topics);

        [LoggerMessage(3603, LogLevel.Warning, "Could not check the feeds of store {StoreId}")]
        public static partial void CheckFailed(ILogger logger, Exception error, long storeId);
    }
}
