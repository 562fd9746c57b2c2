using CartRecovery.Core.Metrics;
using CartRecovery.Core.Reasons;
using CartRecovery.Core.Sequences;
using CartRecovery.Core.Stores;
using CartRecovery.Web.Pages.Sequences;

namespace CartRecovery.Web.Pages.Dashboard;

/// <summary>
/// Builds the dashboard from what the API reads: the funnel and the per-step metrics (<see cref="IMetricsQuery"/>, as
/// <c>/api/metrics</c>) and each store sequence's results with their significance (<see cref="SequenceResults"/>, as
/// <c>/api/stores/{id}/sequences/{id}/results</c>), all over the chosen period. Days are each shop's own local days: a
/// shop's period starts at its local midnight <see cref="DashboardReport.Days"/> days back, and its activity is added
/// up by quarter hour into the local day it fell on. Across shops in several zones, each shop's figures land on its own
/// date.
/// </summary>
internal sealed class DashboardReports(IMetricsQuery metrics, ISequenceRepository sequences, ILeaveReasonRepository reasons, TimeProvider time)
{
    public static readonly int[] Periods = [30, 90];

    public async Task<DashboardReport> BuildAsync(IReadOnlyList<Store> stores, int days, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(stores);
        var now = time.GetUtcNow();
        var shops = stores.Select(s => new ShopDays(s)).ToList();
        var starts = shops.ToDictionary(s => s.Store.Id, s => s.Start(s.DayOf(now).AddDays(1 - days)));
        var last = shops.Max(s => s.DayOf(now));
        var first = last.AddDays(1 - days);

        var buckets = await metrics.GetQuarterHoursAsync(starts.Keys, starts.Values.Min(), now, ct);
        var byShopDay = shops
            .SelectMany(shop => buckets.Where(b => b.StoreId == shop.Store.Id && b.Start >= starts[shop.Store.Id]).Select(b => (Day: shop.DayOf(b.Start), Bucket: b)))
            .ToLookup(x => x.Day, x => x.Bucket);
        var byDay = Enumerable.Range(0, days).Select(i => first.AddDays(i)).Select(day =>
        {
            var of = byShopDay[day].ToList();
            return new DashboardDay(day, of.Sum(b => b.Abandoned), of.Sum(b => b.EmailsSent), of.Sum(b => b.RecoveredOrders), Totals(of))
            {
                TextsSent = of.Sum(b => b.TextsSent),
            };
        }).ToList();
        var inPeriod = byShopDay.SelectMany(g => g).ToList();

        var funnel = RecoveryFunnel.Empty;
        var steps = new List<StepMetrics>();
        var given = new List<ReasonCount>();
        foreach (var shop in shops)
        {
            var from = starts[shop.Store.Id];
            var own = await metrics.GetFunnelAsync([shop.Store.Id], from, now, ct);
            funnel = new RecoveryFunnel(funnel.Abandoned + own.Abandoned, funnel.Messaged + own.Messaged, funnel.Clicked + own.Clicked,
                funnel.Recovered + own.Recovered) { Texted = funnel.Texted + own.Texted };
            steps.AddRange(await metrics.GetStepsAsync([shop.Store.Id], from, now, ct));
            given.AddRange(await reasons.CountAsync(shop.Store.Id, from, now, ct));
        }
        return new DashboardReport(days, funnel, Totals(inPeriod), inPeriod.Sum(b => b.EmailsSent), byDay, Merge(steps),
            shops is [var one] ? await SequencesAsync(one.Store, starts[one.Store.Id], now, ct) : [])
        {
            TextsSent = inPeriod.Sum(b => b.TextsSent),
            Reasons = given.GroupBy(r => r.Reason).OrderBy(g => g.Key).Select(g => new ReasonCount(g.Key, g.Sum(r => r.Carts))).ToList(),
        };
    }

    private static List<MoneyTotal> Totals(IEnumerable<MetricsBucket> buckets) => buckets
        .Where(b => b.RecoveredRevenueMinor != 0)
        .GroupBy(b => b.Currency, StringComparer.Ordinal)
        .OrderBy(g => g.Key, StringComparer.Ordinal)
        .Select(g => new MoneyTotal(g.Key, g.Sum(b => b.RecoveredRevenueMinor)))
        .ToList();

    /// <summary>One row per step across shops; revenue stays per currency.</summary>
    private static List<StepMetrics> Merge(IEnumerable<StepMetrics> steps) => steps
        .GroupBy(s => s.Step)
        .OrderBy(g => g.Key)
        .Select(g => new StepMetrics(g.Key, g.Sum(s => s.Sent), g.Sum(s => s.Clicked), g.Sum(s => s.RecoveredOrders),
            g.SelectMany(s => s.RecoveredRevenue).GroupBy(r => r.Currency, StringComparer.Ordinal).OrderBy(c => c.Key, StringComparer.Ordinal)
                .Select(c => new MoneyTotal(c.Key, c.Sum(r => r.AmountMinor))).ToList())
        {
            Delivered = g.Sum(s => s.Delivered),
            Opened = g.Sum(s => s.Opened),
        })
        .ToList();

    // Each sequence's attributed results over the period, and, when it ever held carts out, its incremental lift since then
    // (as the results API's "incremental" block).
    private async Task<List<SequenceReport>> SequencesAsync(Store store, DateTimeOffset from, DateTimeOffset until, CancellationToken ct)
    {
        var reports = new List<SequenceReport>();
        var lift = new SequenceLift(sequences);
        foreach (var sequence in await sequences.ListAsync(store.Id, ct))
        {
            var counts = await sequences.CountResultsAsync(sequence.Id, from, until, ct);
            var estimate = await lift.EstimateAsync(store.Id, sequence.Id, store.Currency, ct);
            if (counts.Count > 0 || estimate is not null)
                reports.Add(new SequenceReport(sequence.Definition.Name, sequence.Version, SequenceResults.Build(counts, sequence.Definition))
                {
                    Incremental = estimate is null ? null : new IncrementalView(estimate, sequence.Definition.HoldOutPercent, store.Currency, sequence.Definition.Name),
                });
        }
        return reports;
    }
}
