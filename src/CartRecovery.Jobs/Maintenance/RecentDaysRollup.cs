using CartRecovery.Core.Metrics;
using Microsoft.Extensions.Options;

namespace CartRecovery.Jobs.Maintenance;

/// <summary>
/// Rolls up the days since the last roll-up, recounting the last <see cref="JobsOptions.RollUpDays"/> UTC days before it
/// (late deliveries and clicks still land in their own day); the first roll-up starts at the oldest cart. The start
/// only moves forward, and the purge erases nothing at or after it, so a day is never recounted after its carts are gone.
/// </summary>
public sealed class RecentDaysRollup(IMetricsRollup rollup, IOptions<JobsOptions> options, TimeProvider time)
{
    /// <summary>Rolls up and returns the rows written and the start (UTC midnight) of the first day recounted.</summary>
    public async Task<(int Rows, DateTimeOffset From)> RollUpAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var recount = Math.Max(1, options.Value.RollUpDays) - 1;
        var from = await rollup.LastRolledUpAtAsync(ct) is { } last
            ? Midnight(last).AddDays(-recount)
            : Midnight(await rollup.OldestCartAsync(ct) ?? now);
        from = from < Midnight(now).AddDays(-recount) ? from : Midnight(now).AddDays(-recount);
        var rows = 0;
        for (var day = from; day <= now; day = day.AddDays(1))
            rows += await rollup.RollUpDayAsync(DateOnly.FromDateTime(day.UtcDateTime), now, ct);
        return (rows, from);
    }

    public static DateTimeOffset Midnight(DateTimeOffset instant) => new(instant.UtcDateTime.Date, TimeSpan.Zero);
}
