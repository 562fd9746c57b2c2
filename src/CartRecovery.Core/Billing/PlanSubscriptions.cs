using System.Globalization;
using CartRecovery.Core.Messages;
using CartRecovery.Core.Stores;

namespace CartRecovery.Core.Billing;

/// <summary>
/// The billing use cases, whatever asks for them (the API, the embedded app, a webhook, the usage job): choose a plan,
/// take the platform's word about the subscription, and charge usage beyond the included emails.
/// </summary>
public sealed class PlanSubscriptions(
    BillingOptions options, ISubscriptionRepository subscriptions, PlanGate plans, IMessageRepository messages,
    IEnumerable<IPlatformBilling> platformBillings, TimeProvider time)
{
    /// <summary>
    /// Puts the store on <paramref name="planName"/>. A free plan, or any plan of a store invoiced by us, applies at
    /// once (null). A paid plan of a store whose platform bills apps is asked of the platform: the answer is the URL
    /// where the merchant approves it, and the plan applies when the platform says it is active.
    /// </summary>
    public async Task<Uri?> ChooseAsync(Store store, string planName, Uri returnUrl, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        var plan = options.Find(planName) ?? throw new ArgumentException($"There is no plan '{planName}'.", nameof(planName));
        var now = time.GetUtcNow();
        if (PlatformOf(store) is not { } platform || !PlanGate.IsPaid(plan))
        {
            await subscriptions.UpsertAsync(new StoreSubscription { StoreId = store.Id, Plan = plan.Name, Status = SubscriptionStatus.Active, UpdatedAt = now }, ct);
            return null;
        }
        var pending = await platform.SubscribeAsync(store, plan, options.Currency, returnUrl, options.TestCharges, ct);
        // The active subscription (if any) stays the truth until the platform says the new one replaced it.
        if (await subscriptions.GetAsync(store.Id, ct) is not { Status: SubscriptionStatus.Active })
            await subscriptions.UpsertAsync(pending with { UpdatedAt = now }, ct);
        return pending.ConfirmationUrl is { } url ? new Uri(url) : null;
    }

    /// <summary>
    /// Takes the platform's word for the store's subscription (after the merchant's approval, an
    /// <c>app_subscriptions/update</c> webhook, or periodically). Returns what is stored now.
    /// </summary>
    public async Task<StoreSubscription?> SyncAsync(Store store, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        var stored = await subscriptions.GetAsync(store.Id, ct);
        if (PlatformOf(store) is not { } platform)
            return stored;
        var active = await platform.SyncAsync(store, ct);
        var now = time.GetUtcNow();
        StoreSubscription? next = active is not null
            // Usage already charged belongs to the same subscription and period: keep the count, or it would be charged twice.
            ? active with
            {
                UsageCharged = stored?.ExternalId == active.ExternalId ? stored!.UsageCharged : 0,
                UsagePeriodEnd = stored?.ExternalId == active.ExternalId ? stored!.UsagePeriodEnd : null,
                UpdatedAt = now,
            }
            // None active: one we had active has ended; one still waiting for approval stays pending.
            : stored is { Status: SubscriptionStatus.Active, ExternalId: not null } ? stored with { Status = SubscriptionStatus.Cancelled, UpdatedAt = now }
            : null;
        if (next is not null)
            await subscriptions.UpsertAsync(next, ct);
        return next ?? stored;
    }

    /// <summary>
    /// Charges, on the platform, what the emails beyond the plan's included ones cost this period and has not been
    /// charged yet (whole cents). Returns the amount charged now.
    /// </summary>
    public async Task<decimal> ChargeUsageAsync(Store store, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (!options.Enabled || PlatformOf(store) is not { } platform)
            return 0;
        var (plan, subscription) = await plans.EffectivePlanAsync(store, ct);
        if (subscription is not { Status: SubscriptionStatus.Active, UsageLineItemId: not null } || !plan.HasUsagePricing)
            return 0;
        var period = BillingPeriod.For(subscription, time.GetUtcNow());
        var charged = subscription.UsagePeriodEnd == period.End ? subscription.UsageCharged : 0;
        var sent = await messages.CountStoreEmailsSentAsync(store.Id, period.Start, period.End, ct);
        var due = decimal.Floor((plan.UsageCharge(sent) - charged) * 100) / 100;
        if (due <= 0)
            return 0;
        // The key names the total reached, so a retry after a lost answer charges once and a later charge is new.
        var key = string.Create(CultureInfo.InvariantCulture, $"cartrecovery:{subscription.ExternalId}:{period.End:yyyyMMddHHmmss}:{charged + due:0.00}");
        var description = string.Create(CultureInfo.InvariantCulture,
            $"{sent - plan.IncludedEmails} recovery emails beyond the {plan.IncludedEmails} included ({period.Start:yyyy-MM-dd} to {period.End:yyyy-MM-dd})");
        await platform.RecordUsageAsync(store, subscription, due, options.Currency, description, key, ct);
        await subscriptions.UpsertAsync(subscription with { UsageCharged = charged + due, UsagePeriodEnd = period.End, UpdatedAt = time.GetUtcNow() }, ct);
        return due;
    }

    private IPlatformBilling? PlatformOf(Store store) => platformBillings.FirstOrDefault(b => b.Platform == store.Platform);
}
