using System.Diagnostics;

namespace CartRecovery.Bench.Http;

/// <summary>
/// After the load: every accepted webhook delivery must be in the inbox once and processed once (each was a new
/// checkout or order, so it makes exactly one cart); every redirect answered must have left exactly one click event.
/// </summary>
internal sealed record ExactlyOnce(bool Passed, string Summary, TimeSpan Drain)
{
    private const int Processed = 1;

    public static async Task<ExactlyOnce> CheckAsync(BenchHost host, string target, long storeId, long accepted)
    {
        if (target == "redirect")
        {
            var clicks = await host.ScalarAsync("SELECT COUNT(*) FROM cart_events WHERE kind = 'clicked'");
            return new(accepted > 0 && clicks == accepted, $"{accepted} redirects answered, {clicks} click events stored", TimeSpan.Zero);
        }

        var platform = target == "shopify" ? "shopify" : "woocommerce";
        // The processing job catches up after the burst: wait until nothing is pending, or nothing moved for 30 s.
        // Only processing runs meanwhile, so the process's CPU time over the deliveries left is what processing one costs.
        var backlog = await host.ScalarAsync($"SELECT COUNT(*) FROM webhook_deliveries WHERE platform = '{platform}' AND status = 0");
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
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
        var drained = drain.Elapsed;
        var drainCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var drainRate = backlog > 0 && drained > TimeSpan.Zero
            ? $" ({backlog} left at the end of the load: {backlog / drained.TotalSeconds:0}/s, {drainCpu.TotalMicroseconds / backlog:0} µs CPU each)"
            : "";
        var stored = await host.ScalarAsync($"SELECT COUNT(*) FROM webhook_deliveries WHERE platform = '{platform}'");
        var processed = await host.ScalarAsync($"SELECT COUNT(*) FROM webhook_deliveries WHERE platform = '{platform}' AND status = {Processed} AND attempts = 0");
        var failed = stored - processed;
        var carts = await host.ScalarAsync($"SELECT COUNT(*) FROM carts WHERE store_id = {storeId}");
        var passed = accepted > 0 && stored == accepted && processed == accepted && carts == accepted;
        return new(passed, $"{accepted} deliveries acknowledged, {stored} stored, {processed} processed on the first attempt, "
            + $"{failed} not, {carts} carts created; inbox drained {drained.TotalSeconds:0.0} s after the load{drainRate}", drained);
    }
}
