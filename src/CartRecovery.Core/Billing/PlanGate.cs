using CartRecovery.Core.Carts;
using CartRecovery.Core.Messages;
using CartRecovery.Core.Stores;

namespace CartRecovery.Core.Billing;

/// <summary>
/// Whether a store's plan lets its next recovery email go out. A store over its plan keeps capturing carts and
/// enrolling them; only sending waits (nothing is dropped) until the next period or a bigger plan.
/// </summary>
public sealed class PlanGate(BillingOptions options, ISubscriptionRepository subscriptions, IMessageRepository messages,
    IEnumerable<IPlatformBilling> platformBillings, TimeProvider time)
{
    /// <summary>How soon to look again at a store whose plan waits for the merchant's approval.</summary>
    public static readonly TimeSpan ApprovalRecheck = TimeSpan.FromMinutes(15);

    /// <summary>
    /// How soon to look again at a store that used its allowance: a bigger plan may be chosen before the period ends, and
    /// its waiting emails should go within the hour, not at the end of the month.
    /// </summary>
    public static readonly TimeSpan AllowanceRecheck = TimeSpan.FromHours(1);

    private readonly HashSet<string> _billedPlatforms = platformBillings.Select(b => b.Platform).ToHashSet(StringComparer.Ordinal);

    /// <param name="queued">Emails of the store already on their way but not recorded yet (a dispatch batch's): counted as sent.</param>
    public async Task<PlanCheck> CheckAsync(Store store, int queued, CancellationToken ct) =>
        options.Enabled ? (await EvaluateAsync(store, queued, ct)).Check : PlanCheck.Allowed;

    /// <summary>
    /// Where the store stands on its plan now, read once: the plan, its subscription, the period, the emails sent in it
    /// and whether one more may go. Pages and the billing API describe the same reading the sender acts on.
    /// </summary>
    public Task<PlanStanding> EvaluateAsync(Store store, CancellationToken ct) => EvaluateAsync(store, 0, ct);

    private async Task<PlanStanding> EvaluateAsync(Store store, int queued, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        var now = time.GetUtcNow();
        var (plan, subscription) = await EffectivePlanAsync(store, ct);
        var byPlatform = IsBilledByPlatform(store);
        var period = BillingPeriod.For(byPlatform ? subscription : null, now);
        var sent = await messages.CountStoreEmailsSentAsync(store.Id, period.Start, period.End, ct) + queued;
        return new PlanStanding(plan, subscription, byPlatform, period, sent, Decide(plan, subscription, byPlatform, period, sent, now));
    }

    private static PlanCheck Decide(Plan plan, StoreSubscription? subscription, bool byPlatform, BillingPeriod period, long sent, DateTimeOffset now)
    {
        if (byPlatform && IsPaid(plan) && subscription?.Status != SubscriptionStatus.Active)
            return PlanCheck.Paused(TimelineEntry.Of(TimelineCodes.PlanApproval, TimelineArg.Of(subscription?.Plan ?? plan.Name)), now + ApprovalRecheck,
                subscription?.Status is null or SubscriptionStatus.Pending ? PlanPause.ApprovalPending : PlanPause.Cancelled);
        return sent < plan.EmailAllowance
            ? PlanCheck.Allowed
            : PlanCheck.Paused(TimelineEntry.Of(TimelineCodes.PlanUsedUp,
                TimelineArg.Of(plan.Name), TimelineArg.Of(plan.EmailAllowance), TimelineArg.Instant(period.End)),
                period.End < now + AllowanceRecheck ? period.End : now + AllowanceRecheck, PlanPause.AllowanceUsed);
    }

    /// <summary>
    /// The plan the store is on now: its subscription's while that is active (an invoiced store's subscription is the
    /// plan someone chose for it), else the default plan.
    /// </summary>
    public async Task<(Plan Plan, StoreSubscription? Subscription)> EffectivePlanAsync(Store store, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        var subscription = await subscriptions.GetAsync(store.Id, ct);
        var current = subscription is { Status: SubscriptionStatus.Active } ? options.Find(subscription.Plan) : null;
        return (current ?? options.Find(options.DefaultPlan) ?? throw new InvalidOperationException(options.Problem()), subscription);
    }

    public bool IsBilledByPlatform(Store store) => _billedPlatforms.Contains(store.Platform);

    /// <summary>A plan that costs anything must be approved on platforms that bill apps themselves.</summary>
    public static bool IsPaid(Plan plan) => plan.MonthlyPrice > 0 || plan.HasUsagePricing;
}
