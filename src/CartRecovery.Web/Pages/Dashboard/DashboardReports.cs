using CartRecovery.Core.Metrics;
using CartRecovery.Core.Sequences;
using CartRecovery.Core.Stores;

namespace CartRecovery.Web.Pages.Dashboard;

/// <summary>
/// Builds the dashboard from what the API reads: the funnel and the per-step metrics (<see cref="IMetricsQuery"/>, as
/// <c>/api/metrics</c>), the daily roll-up (<see cref="IMetricsRollup"/>) and each store sequence's results with their
/// significance (<see cref="SequenceResults"/>, as <c>/api/stores/{id}/sequences/{id}/results</c>).
/// </summary>
internal sealed class DashboardReports(IMetricsQuery metrics, IMetricsRollup rollup, ISequenceStore sequences, TimeProvider time)
{
    public static readonly int[] Periods = [30, 90];

    public async Task<DashboardReport> BuildAsync(IReadOnlyList<Store> stores, int days, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(stores);
        var now = time.GetUtcNow();
        var last = DateOnly.FromDateTime(now.UtcDateTime);
        var first = last.AddDays(1 - days);
        var ids = stores.Select(s => s.Id).ToList();
        var funnel = await metrics.GetFunnelAsync(ids, new DateTimeOffset(first.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), now, ct);
        var rows = new List<DailyStoreMetrics>();
        foreach (var id in ids)
            rows.AddRange(await rollup.ListAsync(id, first, last, ct));
        var byDay = Enumerable.Range(0, days).Select(i => first.AddDays(i)).Select(day =>
        {
            var of = rows.Where(r => r.Day == day).ToList();
            return new DashboardDay(day, of.Sum(r => r.CartsAbandoned), of.Sum(r => r.EmailsSent), of.Sum(r => r.RecoveredOrders), Totals(of));
        }).ToList();
        var allTime = await metrics.GetAsync(ids, ct);
        return new DashboardReport(days, funnel, Totals(rows), rows.Sum(r => r.EmailsSent), byDay, allTime.BySteps,
            stores is [var one] ? await SequencesAsync(one, ct) : []);
    }

    private static List<MoneyTotal> Totals(IEnumerable<DailyStoreMetrics> rows) => rows
        .Where(r => r.RecoveredRevenueMinor != 0)
        .GroupBy(r => r.Currency, StringComparer.Ordinal)
        .OrderBy(g => g.Key, StringComparer.Ordinal)
        .Select(g => new MoneyTotal(g.Key, g.Sum(r => r.RecoveredRevenueMinor)))
        .ToList();

    private async Task<List<SequenceReport>> SequencesAsync(Store store, CancellationToken ct)
    {
        var reports = new List<SequenceReport>();
        foreach (var sequence in await sequences.ListAsync(store.Id, ct))
        {
            var counts = await sequences.CountResultsAsync(sequence.Id, ct);
            if (counts.Count > 0)
                reports.Add(new SequenceReport(sequence.Definition.Name, sequence.Version, SequenceResults.Build(counts, sequence.Definition)));
        }
        return reports;
    }
}
