using CartRecovery.Core.Carts;
using CartRecovery.Core.Metrics;
using CartRecovery.Core.Reasons;
using CartRecovery.Core.Sequences;
using CartRecovery.Core.Stores;
using CartRecovery.Web.Pages.AppShell;
using Microsoft.AspNetCore.Mvc;

namespace CartRecovery.Web.Pages.Dashboard;

/// <summary>
/// <c>/app</c>: where a signed-in person lands. The recovery figures of the chosen shop, or of the whole account (money
/// summed per currency), over the last 30 or 90 days; the account's shops; what to do next when there is nothing yet.
/// </summary>
internal sealed class IndexModel(WorkspaceLoader loader, IMetricsQuery metrics, ISequenceRepository sequences, ICartRepository carts,
    ILeaveReasonRepository reasons, TimeProvider time) : AppPageModel(loader)
{
    [BindProperty(SupportsGet = true, Name = "days")]
    public int Days { get; set; } = DashboardReports.Periods[0];

    public DashboardReport? Report { get; private set; }

    /// <summary>No shop in view has captured a cart yet: the page says how to start instead of showing zeros.</summary>
    public bool NothingCaptured { get; private set; }

    public override string Title => Workspace.Store?.Name ?? Workspace.Account.Name;

    /// <summary>The shops the figures cover.</summary>
    public IReadOnlyList<Store> InView => Workspace.Store is { } store ? [store] : Workspace.Stores;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!DashboardReports.Periods.Contains(Days))
            Days = DashboardReports.Periods[0];
        if (InView.Count == 0)
            return Page();
        var ids = InView.Select(s => s.Id).ToList();
        NothingCaptured = (await carts.ListAsync(new CartQuery(null, null, 0, 1) { StoreIds = ids }, ct)).Count == 0;
        if (!NothingCaptured)
            Report = await new DashboardReports(metrics, sequences, reasons, time).BuildAsync(InView, Days, ct);
        return Page();
    }

    /// <summary>The merchant's words for a reason (the key of the page's French resources).</summary>
    public static string ReasonWords(LeaveReason reason) => reason switch
    {
        LeaveReason.ShippingCost => "Shipping cost",
        LeaveReason.TotalPrice => "Total price",
        LeaveReason.PaymentProblem => "Payment problem",
        LeaveReason.NeededMoreTime => "Needed more time",
        LeaveReason.Comparing => "Comparing shops",
        LeaveReason.JustLooking => "Just looking",
        _ => "Other reason",
    };

    /// <summary>This page for another period, keeping the chosen shop.</summary>
    public string PeriodLink(int days) => Workspace.Store is { } store ? $"/app?store={store.Id}&days={days}" : $"/app?days={days}";
}
