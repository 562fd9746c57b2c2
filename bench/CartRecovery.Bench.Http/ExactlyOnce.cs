using System.Diagnostics;

namespace CartRecovery.Bench.Http;

/// <summary>
/// After the load: every accepted webhook delivery must be in the inbox once and processed once (each was a new
/// checkout or order, so it makes exactly one cart); every redirect answered must have left exactly one click event.
/// </summary>
internal sealed record ExactlyOnce(bool Passed, string Summary, TimeSpan Drain)
{
    private const int Processed = 1;

    // A database filled by CartSeeder (--carts) already holds processed deliveries: only the run's own count.
    private const string NotSeeded = "delivery_id NOT LIKE 'seed-%'";

    public static async Task<ExactlyOnce> CheckAsync(BenchHost host, string target, long storeId, long accepted)
    {
        if (target == "redirect")
        {
            var clicks = await host.ScalarAsync("SELECT COUNT(*) FROM cart_events WHERE kind = 'clicked'");
            return new(accepted > 0 && clicks == accepted, $"{accepted} redirects answered, {clicks} click events stored", TimeSpan.Zero);
        }

        var platform = target == "shopify" ? "shopify" : "woocommerce";
        // Only processing runs while the inbox drains, so the process's CPU time over the deliveries left is what processing one costs.
        var backlog = await host.ScalarAsync($"SELECT COUNT(*) FROM webhook_deliveries WHERE platform = '{platform}' AND status = 0 AND {NotSeeded}");
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var drained = await DrainAsync(host, platform);
        var drainCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var drainRate = backlog > 0 && drained > TimeSpan.Zero
            ? $" ({backlog} left at the end of the load: {backlog / drained.TotalSeconds:0}/s, {drainCpu.TotalMicroseconds / backlog:0} µs CPU each)"
            : "";
        var stored = await host.ScalarAsync($"SELECT COUNT(*) FROM webhook_deliveries WHERE platform = '{platform}' AND {NotSeeded}");
        var processed = await host.ScalarAsync($"SELECT COUNT(*) FROM webhook_deliveries WHERE platform = '{platform}' AND status = {Processed} AND attempts = 0 AND {NotSeeded}");
        var failed = stored - processed;
        var carts = await host.ScalarAsync($"SELECT COUNT(*) FROM carts WHERE store_id = {storeId}");
        var passed = accepted > 0 && stored == accepted && processed == accepted && carts == accepted;
        return new(passed, $"{accepted} deliveries acknowledged, {stored} stored, {processed} processed on the first attempt, "
            + $"{failed} not, {carts} carts created; inbox drained {drained.TotalSeconds:0.0} s after the load{drainRate}", drained);
    }

    /// <summary>The processing job catches up after a burst: waits until nothing is pending, or nothing moved for 30 s.</summary>
    public static async Task<TimeSpan> DrainAsync(BenchHost host, string platform)
    {
        var drain = Stopwatch.StartNew();
        var stalled = Stopwatch.StartNew();
        var pending = long.MaxValue;
        while (await host.ScalarAsync($"SELECT COUNT(*) FROM webhook_deliveries WHERE platform = '{platform}' AND status = 0") is > 0 and var left
               && stalled.Elapsed < TimeSpan.FromSeconds(30))
        {
            if (left < pending)
                (pending, stalled) = (left, Stopwatch.StartNew());
            await Task.Delay(250);
        }
        return drain.Elapsed;
    }
}
