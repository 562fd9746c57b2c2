using System.Globalization;
using System.Text;

namespace CartRecovery.Bench.Http.Growth;

/// <summary>The results file of a growth run: each hot query and HTTP path at both sizes, the ratio large ÷ small, peak memory.</summary>
internal static class GrowthReport
{
    public const double MaxRatio = 1.3;
    public const double MaxPeakRssMegabytes = 250;

    public sealed record Run(string Engine, DateTimeOffset StartedAt, string LoadAtStart, string Command, GrowthRun.Options Options,
        GrowthRun.Size Small, GrowthRun.Size Large);

    public static string Write(Run run)
    {
        var (small, large) = (run.Small, run.Large);
        var wall = run.Options.Postgres is not null;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"""
            # Growth: {small.Carts:N0} → {large.Carts:N0} carts ({run.Engine})

            {Report.RunRows(run.StartedAt, run.LoadAtStart, run.Command)}
            | Data | {run.Options.Stores} shops (marked uninstalled, so not polled), carts over the last 90 days: 1–3 lines, 2 references, the processed webhook delivery, timeline events; 60 % abandoned with a reminder and an offer (sent, or pending until due), 1 % of addresses suppressed |
            | Seeding (set-based SQL) | {small.Carts:N0} carts in {small.Seeded.Took.TotalSeconds:0.0} s; {large.Carts:N0} carts in {large.Seeded.Took.TotalSeconds:0.0} s |
            | Target | each line ≤ {MaxRatio} × its cost at {small.Carts:N0} carts; peak RSS ≤ {MaxPeakRssMegabytes} MB at {large.Carts:N0} |

            ## Hot queries

            Each through its repository method, {run.Options.Ops} calls in a row on keys drawn at random over the whole
            table, one at a time, after a warm-up pass over every query on other keys; the quietest of {HotQueries.Rounds} rounds
            is kept. Each query is timed twice: first with the host's jobs running (as the paths below are driven), then with
            its scheduler on standby, the jobs running at that moment finished: the process's CPU is then the query's own, and
            the target is judged on it. {(wall ? "On PostgreSQL the ratio is of the wall time: the engine's own work is in the server, not in this process's CPU." : "SQLite runs in this process: its CPU time is the query's cost.")}
            With no load, the jobs took {Millis(small.JobsCpuPerSecond)} of CPU a second at {small.Carts:N0} carts and
            {Millis(large.JobsCpuPerSecond)} at {large.Carts:N0} (the 5 s after seeding).

            | Query | {small.Carts:N0}: CPU (wall) per call | {large.Carts:N0}: CPU (wall) per call | **Ratio ({(wall ? "wall" : "CPU")})** | | Jobs running: {small.Carts:N0} → {large.Carts:N0}, CPU (wall) | Ratio |
            |---|---|---|---|---|---|---|

            """);
        // On PostgreSQL the query's cost is its wall time (the server works in its own process), on SQLite its CPU.
        double RatioOf(HotQueries.Timing s, HotQueries.Timing l) => wall ? l.WallMicrosPerOp / s.WallMicrosPerOp : l.CpuMicrosPerOp / s.CpuMicrosPerOp;
        foreach (var ((s, l), (sb, lb)) in small.Queries.Zip(large.Queries).Zip(small.Busy.Zip(large.Busy)))
        {
            var ratio = RatioOf(s, l);
            var busyRatio = RatioOf(sb, lb);
            text.Append(CultureInfo.InvariantCulture,
                $"| {s.Name} | {s.CpuMicrosPerOp:0} µs ({s.WallMicrosPerOp:0} µs) | {l.CpuMicrosPerOp:0} µs ({l.WallMicrosPerOp:0} µs) | **{ratio:0.00} ×** | {Verdict(ratio)} "
                + $"| {sb.CpuMicrosPerOp:0} ({sb.WallMicrosPerOp:0}) → {lb.CpuMicrosPerOp:0} µs ({lb.WallMicrosPerOp:0} µs) | {busyRatio:0.00} × |\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"""

            ## HTTP paths

            Driven as `--target shopify|woocommerce|redirect` drives them ({run.Options.Connections} keep-alive connections,
            {run.Options.Warmup} s warm-up then {run.Options.Seconds} s measured; the redirect, which has no processing to wait for, {HotPaths.RedirectRounds} times and the quietest kept), no floor. CPU per request is the whole
            process's over the measured seconds; *with processing* runs on until the processing job has drained the inbox,
            so it also counts the work each delivery makes (cart look-ups by reference, upsert, lines, events).{(wall ? " On PostgreSQL this counts the host's side only: compare the rates too." : "")}

            | Path | {small.Carts:N0}: per s, CPU per request, with processing | {large.Carts:N0}: per s, CPU per request, with processing | **Ratio (CPU per request)** | Ratio with processing | |
            |---|---|---|---|---|---|

            """);
        foreach (var (s, l) in small.Paths.Zip(large.Paths))
        {
            var processed = s.Drain > TimeSpan.Zero || l.Drain > TimeSpan.Zero;
            var worst = Math.Max(l.Load.CpuMicrosPerRequest / s.Load.CpuMicrosPerRequest, processed ? l.CpuMicrosWithProcessing / s.CpuMicrosWithProcessing : 0);
            text.Append(CultureInfo.InvariantCulture,
                $"| {s.Name} | {s.Load.PerSecond:0}, {s.Load.CpuMicrosPerRequest:0} µs, {With(s, processed)} | {l.Load.PerSecond:0}, {l.Load.CpuMicrosPerRequest:0} µs, {With(l, processed)} "
                + $"| **{Ratio(l.Load.CpuMicrosPerRequest, s.Load.CpuMicrosPerRequest)}** | {(processed ? Ratio(l.CpuMicrosWithProcessing, s.CpuMicrosWithProcessing) : "–")} | {Verdict(worst)} |\n");
        }
        var errors = small.Paths.Concat(large.Paths).Sum(p => p.Load.Errors);

        text.Append(CultureInfo.InvariantCulture, $"""

            Failed requests: {errors}.

            ## Memory

            Peak resident memory of the process (driver and host, VmHWM) after the {large.Carts:N0}-cart run:
            **{large.PeakRssMegabytes:0} MB** ({(large.PeakRssMegabytes <= MaxPeakRssMegabytes ? "within" : "OVER")} the {MaxPeakRssMegabytes} MB target);
            {large.RssMegabytes:0} MB resident at its end: {large.AnonymousRssMegabytes:0} MB anonymous memory, {large.FileRssMegabytes:0} MB of mapped
            files (the runtime, the assemblies, native libraries) and {large.SharedRssMegabytes:0} MB shared memory (the runtime's
            double-mapped JIT code, SQLite's WAL index); the managed heap had {large.ManagedCommittedMegabytes:0} MB committed
            ({(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC){Sqlite(large, "; SQLite allocated at most")}. After the
            {small.Carts:N0}-cart run: peak {small.PeakRssMegabytes:0} MB, {small.RssMegabytes:0} MB at its end ({small.AnonymousRssMegabytes:0} MB
            anonymous, {small.FileRssMegabytes:0} MB mapped files, {small.SharedRssMegabytes:0} MB shared; managed heap
            {small.ManagedCommittedMegabytes:0} MB committed{Sqlite(small, ", SQLite at most")}).

            """);
        return text.ToString();
    }

    private static string Sqlite(GrowthRun.Size size, string label) =>
        double.IsNaN(size.SqlitePeakMegabytes) ? "" : string.Create(CultureInfo.InvariantCulture, $"{label} {size.SqlitePeakMegabytes:0} MB");

    private static string Ratio(double large, double small) => string.Create(CultureInfo.InvariantCulture, $"{large / small:0.00} ×");

    private static string Millis(TimeSpan cpu) => string.Create(CultureInfo.InvariantCulture, $"{cpu.TotalMilliseconds:0} ms");

    private static string Verdict(double ratio) => ratio <= MaxRatio ? "ok" : "**over**";

    private static string With(HotPaths.Result path, bool processed) =>
        processed ? string.Create(CultureInfo.InvariantCulture, $"{path.CpuMicrosWithProcessing:0} µs") : "–";
}
