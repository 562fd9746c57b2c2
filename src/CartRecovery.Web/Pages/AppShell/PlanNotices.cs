using CartRecovery.Core.Billing;
using CartRecovery.Core.Stores;

namespace CartRecovery.Web.Pages.AppShell;

/// <summary>
/// The banner every page shows when the chosen shop's plan holds its emails back (<see cref="PlanGate"/> decides):
/// why, and what to do — approve the plan on the platform, or choose a bigger one.
/// </summary>
internal sealed class PlanNotices(BillingOptions options, PlanGate plans, ISubscriptionStore subscriptions)
{
    public sealed record Notice(Store Store, PlanPause Cause, string Plan, string? ApproveUrl);

    /// <summary>The notice for the shop the page is about (the chosen one, or the only one), or null.</summary>
    public async Task<Notice?> ForAsync(Workspace workspace, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        if (!options.Enabled || (workspace.Store ?? (workspace.Stores is [var only] ? only : null)) is not { } store)
            return null;
        var check = await plans.CheckAsync(store, ct);
        if (check.Cause is not { } cause)
            return null;
        var (plan, subscription) = await plans.EffectivePlanAsync(store, ct);
        var pending = subscription ?? await subscriptions.GetAsync(store.Id, ct);
        return new Notice(store, cause, pending?.Plan ?? plan.Name,
            cause == PlanPause.ApprovalPending && pending is { Status: SubscriptionStatus.Pending, ConfirmationUrl: { } url } ? url : null);
    }
}
