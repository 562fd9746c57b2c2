using System.Globalization;
using System.Runtime.InteropServices;

namespace CartRecovery.Bench.Http;

/// <summary>The results file: the machine and its load, the command, the floor and the host in the same run, and the ratio.</summary>
internal static class Report
{
    public sealed record Run(string Target, string Engine, DateTimeOffset StartedAt, string LoadAtStart, int Connections, int Seconds,
        int Warmup, string Command, LoadResult Floor, LoadResult Host, ExactlyOnce Check, TimeSpan? ServerCpu);

    private static readonly Dictionary<string, (string Title, string Floor, string Host, string Target)> Paths = new()
    {
        ["shopify"] = ("Verified Shopify webhook ingest", "`POST /webhook`: HMAC of the raw body, 200",
            "`POST /webhooks/shopify`: HMAC, headers, JSON check, stored in the inbox before the 200", "≥ 0.25 × floor, p99 ≤ 50 ms, 0 errors"),
        ["woocommerce"] = ("Verified WooCommerce webhook ingest", "`POST /webhook/woocommerce`: HMAC of the raw body, 200",
            "`POST /webhooks/woocommerce/{id}`: store and its secret, HMAC, JSON check, stored before the 200", "≥ 0.25 × floor, p99 ≤ 50 ms, 0 errors"),
        ["redirect"] = ("Restore redirect with the click recorded", "`GET /r/{token}`: a fixed 302",
            "`GET /r/{token}`: token check, message/cart/store read, click stored before the 302", "≥ 0.5 × floor"),
    };

    // Beside a path's results on an engine where it misses its target: the file that shows what limits it.
    private static readonly Dictionary<string, string> Limits = new()
    {
        ["redirect-sqlite"] = "Where the CPU goes and what limits the ratio: [http-redirect-sqlite-profile.md](http-redirect-sqlite-profile.md).",
        ["shopify-postgres"] = "What limits the ratio, measured with the server on a CPU of its own: "
            + "[http-shopify-postgres-own-cpu.md](http-shopify-postgres-own-cpu.md).",
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

            {(run.Engine == "postgres" ? Server(run) : "")}Exactly once: {(run.Check.Passed ? "**yes**" : "**NO**")}; {run.Check.Summary}.

            Peak resident memory of the process (driver, floor and host together, VmHWM): {PeakRssMegabytes():0} MB.
            {(Limits.TryGetValue($"{run.Target}-{run.Engine}", out var limit) && !Cpus.Pinned ? $"{Environment.NewLine}{limit}{Environment.NewLine}" : "")}
            """);
    }

    /// <summary>The head of a results file's table: when, on what machine under what load, and the command.</summary>
    public static string RunRows(DateTimeOffset startedAt, string loadAtStart, string command) => string.Create(CultureInfo.InvariantCulture, $"""
        | | |
        |---|---|
        | Date (UTC) | {startedAt:yyyy-MM-dd HH:mm} |
        | Machine | {Cpus.Describe()}, {RuntimeInformation.OSDescription}, .NET {Environment.Version} |
        | Load average (1/5/15 min) | {loadAtStart} at the start, {LoadAverage()} at the end |
        | Command | `{command}` |
        """);

    /// <summary>The 1, 5 and 15 minute load averages, as /proc/loadavg gives them.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    // Where the database server ran matters as much as where the host did: on the same CPUs, it takes them from the host.
    private static string Server(Run run)
    {
        if (Cpus.PostgresServer() is not { } cpus)
            return $"The PostgreSQL server ran on another machine.{Environment.NewLine}{Environment.NewLine}";
        var perRequest = run.ServerCpu is { } cpu && run.Host.Ok + run.Host.Errors > 0 ? cpu.TotalMicroseconds / (run.Host.Ok + run.Host.Errors) : double.NaN;
        var machine = perRequest + run.Host.CpuMicrosPerRequest;
        return string.Create(CultureInfo.InvariantCulture, $"""
            The PostgreSQL server ran on this machine, on {(cpus.IndexOfAny([',', '-']) >= 0 ? "CPUs" : "CPU")} {cpus}. Its processes took
            {perRequest:0} µs of CPU per request during the measured seconds (`/proc`), so a request cost {machine:0} µs of the machine's
            CPUs against the floor's {run.Floor.CpuMicrosPerRequest:0} µs (floor ÷ host and server: {run.Floor.CpuMicrosPerRequest / machine:0.00} ×).


            """);
    }

    private static double PeakRssMegabytes()
    {
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return process.PeakWorkingSet64 / (1024.0 * 1024.0);
    }

    private static string Errors(LoadResult result) =>
        result.Errors == 0 ? "0" : $"{result.Errors} ({string.Join(", ", result.ErrorKinds.Select(k => $"{k.Key}: {k.Value}"))})";
}
