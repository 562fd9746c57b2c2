using System.Globalization;
using System.Runtime.InteropServices;

namespace CartRecovery.Bench.Http;

/// <summary>The results file: the machine and its load, the command, the floor and the host in the same run, and the ratio.</summary>
internal static class Report
{
    public sealed record Run(string Target, string Engine, DateTimeOffset StartedAt, string LoadAtStart, int Connections, int Seconds,
        int Warmup, string Command, LoadResult Floor, LoadResult Host, ExactlyOnce Check);

    // Profile: a hand-written file beside the SQLite results that shows where the path's CPU goes and what limits it.
    private static readonly Dictionary<string, (string Title, string Floor, string Host, string Target, string? Profile)> Paths = new()
    {
        ["shopify"] = ("Verified Shopify webhook ingest", "`POST /webhook`: HMAC of the raw body, 200",
            "`POST /webhooks/shopify`: HMAC, headers, JSON check, stored in the inbox before the 200", "≥ 0.25 × floor, p99 ≤ 50 ms, 0 errors", null),
        ["woocommerce"] = ("Verified WooCommerce webhook ingest", "`POST /webhook/woocommerce`: HMAC of the raw body, 200",
            "`POST /webhooks/woocommerce/{id}`: store and its secret, HMAC, JSON check, stored before the 200", "≥ 0.25 × floor, p99 ≤ 50 ms, 0 errors", null),
        ["redirect"] = ("Restore redirect with the click recorded", "`GET /r/{token}`: a fixed 302",
            "`GET /r/{token}`: token check, message/cart/store read, click stored before the 302", "≥ 0.5 × floor",
            "http-redirect-sqlite-profile.md"),
    };

    public static string Write(Run run)
    {
        var path = Paths[run.Target];
        var ratio = run.Host.PerSecond / run.Floor.PerSecond;
        var cpuRatio = run.Floor.CpuMicrosPerRequest / run.Host.CpuMicrosPerRequest;
        return string.Create(CultureInfo.InvariantCulture, $"""
            # {path.Title} ({run.Engine})

            {RunRows(run.StartedAt, run.LoadAtStart, run.Command)}
            | Load | {run.Connections} keep-alive connections, closed loop, {run.Warmup} s warm-up then {run.Seconds} s measured; driver, floor and host in one process |
            | Floor | {path.Floor} |
            | Host | {path.Host} |

            | | per second | p50 | p99 | max | errors | CPU per request |
            |---|---|---|---|---|---|---|
            | Floor | {run.Floor.PerSecond:0} | {run.Floor.Percentile(0.5):0.0} ms | {run.Floor.Percentile(0.99):0.0} ms | {run.Floor.Percentile(1):0.0} ms | {Errors(run.Floor)} | {run.Floor.CpuMicrosPerRequest:0} µs |
            | Host ({run.Engine}) | {run.Host.PerSecond:0} | {run.Host.Percentile(0.5):0.0} ms | {run.Host.Percentile(0.99):0.0} ms | {run.Host.Percentile(1):0.0} ms | {Errors(run.Host)} | {run.Host.CpuMicrosPerRequest:0} µs |
            | **Ratio host / floor** | **{ratio:0.00} ×** | | | | target {path.Target} | **{cpuRatio:0.00} ×** |

            CPU per request is the whole process's CPU time (load driver, server, background jobs) over the requests answered
            in the measured seconds; its ratio (floor ÷ host) is the throughput ratio the host would reach with the CPUs to
            itself, and moves far less than the throughput when other work shares the machine.

            Exactly once: {(run.Check.Passed ? "**yes**" : "**NO**")}; {run.Check.Summary}.

            Peak resident memory of the process (driver, floor and host together, VmHWM): {PeakRssMegabytes():0} MB.
            {(path.Profile is { } profile && run.Engine == "sqlite" ? $"{Environment.NewLine}Where the CPU goes and what limits the ratio: [{profile}]({profile}).{Environment.NewLine}" : "")}
            """);
    }

    /// <summary>The head of a results file's table: when, on what machine under what load, and the command.</summary>
    public static string RunRows(DateTimeOffset startedAt, string loadAtStart, string command) => string.Create(CultureInfo.InvariantCulture, $"""
        | | |
        |---|---|
        | Date (UTC) | {startedAt:yyyy-MM-dd HH:mm} |
        | Machine | {Environment.ProcessorCount} logical CPUs shared with other builds and test runs, {RuntimeInformation.OSDescription}, .NET {Environment.Version} |
        | Load average (1/5/15 min) | {loadAtStart} at the start, {LoadAverage()} at the end |
        | Command | `{command}` |
        """);

    /// <summary>The 1, 5 and 15 minute load averages, as /proc/loadavg gives them.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static double PeakRssMegabytes()
    {
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return process.PeakWorkingSet64 / (1024.0 * 1024.0);
    }

    private static string Errors(LoadResult result) =>
        result.Errors == 0 ? "0" : $"{result.Errors} ({string.Join(", ", result.ErrorKinds.Select(k => $"{k.Key}: {k.Value}"))})";
}
