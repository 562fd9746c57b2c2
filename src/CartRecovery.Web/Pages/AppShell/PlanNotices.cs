using CartRecovery.Core.Billing;
using CartRecovery.Core.Stores;

namespace CartRecovery.Web.Pages.AppShell;

/// <summary>
/// The banner every page shows when the chosen shop's plan holds its emails back (<see cref="PlanGate"/> decides):
/// why, and what to do — approve the plan on the platform, or choose a bigger one.
/// </summary>
internal sealed class PlanNotices(BillingOptions options, PlanGate plans)
{
    public sealed record Notice(Store Store, PlanPause Cause, string Plan, string? ApproveUrl);

    /// <summary>The notice for the shop the page is about (the chosen one, or the only one), or null.</summary>
    public async Task<Notice?> ForAsync(Workspace workspace, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        if (!options.Enabled || (workspace.Store ?? (workspace.Stores is [var only] ? only : null)) is not { } store)
            return null;
        var standing = await plans.EvaluateAsync(store, ct);
        if (standing.Check.Cause is not { } cause)
            return null;
        var pending = standing.Subscription;
        return new Notice(store, cause, pending?.Plan ?? standing.Plan.Name,
            cause == PlanPause.ApprovalPending && pending is { Status: SubscriptionStatus.Pending, ConfirmationUrl: { } url } ? url : null);
    }
}
