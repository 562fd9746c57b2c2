using System.Globalization;
using CartRecovery.Core.Messages;
using CartRecovery.Core.Stores;

namespace CartRecovery.Core.Billing;

/// <summary>Monthly usage statements (UTC calendar months) for stores not billed by their platform.</summary>
public sealed class UsageStatements(BillingOptions options, PlanGate plans, IMessageRepository messages)
{
    /// <summary>The statement of <paramref name="store"/> for the month starting at <paramref name="month"/> (its first day).</summary>
    public async Task<UsageStatement> ForMonthAsync(Store store, DateOnly month, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        var period = BillingPeriod.Month(new DateTimeOffset(month.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        var (plan, _) = await plans.EffectivePlanAsync(store, ct);
        var sent = await messages.CountStoreEmailsSentAsync(store.Id, period.Start, period.End, ct);
        return new UsageStatement(store.Id, store.Name, month.ToString("yyyy-MM", CultureInfo.InvariantCulture), plan.Name, options.Currency, sent,
            plan.IncludedEmails, Math.Max(0, sent - plan.IncludedEmails), plan.MonthlyPrice, plan.UsageCharge(sent));
    }
}
