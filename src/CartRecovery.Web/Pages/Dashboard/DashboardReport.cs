using CartRecovery.Core.Attribution;
using CartRecovery.Core.Metrics;
using CartRecovery.Core.Reasons;
using CartRecovery.Core.Sequences;
using CartRecovery.Web.Pages.Sequences;

namespace CartRecovery.Web.Pages.Dashboard;

/// <summary>One day of the chart: what was abandoned and what came back that day (each shop's own local day), revenue per currency.</summary>
public sealed record DashboardDay(DateOnly Day, long Abandoned, long EmailsSent, long RecoveredOrders, IReadOnlyList<MoneyTotal> Revenue)
{
    public long RevenueIn(string currency) => Revenue.Where(r => r.Currency == currency).Sum(r => r.AmountMinor);

    public long TextsSent { get; init; }
}

/// <summary>A store sequence's results per step and variant, with the significance the API computes.</summary>
public sealed record SequenceReport(string Name, int Version, IReadOnlyList<StepResults> Steps)
{
    /// <summary>The lift against its control group since it started holding carts out; null when it never did.</summary>
    public IncrementalView? Incremental { get; init; }
}

/// <summary>What the dashboard shows for one shop or the whole account over the last <see cref="Days"/> days.</summary>
public sealed record DashboardReport(
    int Days,
    RecoveryFunnel Funnel,
    IReadOnlyList<MoneyTotal> RecoveredRevenue,
    long EmailsSent,
    IReadOnlyList<DashboardDay> ByDay,
    IReadOnlyList<StepMetrics> BySteps,
    IReadOnlyList<SequenceReport> Sequences)
{
    /// <summary>The currency the chart draws: the one that brought the most revenue (totals are never converted).</summary>
    public string? ChartCurrency => RecoveredRevenue.OrderByDescending(r => r.AmountMinor).Select(r => r.Currency).FirstOrDefault();

    public long TextsSent { get; init; }

    /// <summary>
    /// The revenue the messages added beyond the orders that would have come anyway, summed over the sequences whose
    /// control group has enough carts for an estimate (in the shop's currency); null when none has.
    /// </summary>
    public double? IncrementalRevenueMinor
    {
        get
        {
            var estimated = Sequences.Select(s => s.Incremental?.Estimate).Where(e => e is { EnoughData: true })
                .Select(e => e!.IncrementalRevenueMinor).OfType<Interval>().ToList();
            return estimated.Count == 0 ? null : estimated.Sum(i => i.Estimate);
        }
    }
    /// <summary>Why customers said they left (the first email's reason links), carts per reason given in the period, summed across shops.</summary>
    public IReadOnlyList<ReasonCount> Reasons { get; init; } = [];
}
