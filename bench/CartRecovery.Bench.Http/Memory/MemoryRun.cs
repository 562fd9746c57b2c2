using System.Globalization;
using System.Text;
using CartRecovery.Bench.Http.Growth;

namespace CartRecovery.Bench.Http.Memory;

/// <summary>
/// The host's resident memory at scale (issue 17: at most 250 MB serving the hot paths at 1,000,000 carts), measured
/// where it lives: the database is filled here (CartSeeder, through a host in this process with its jobs off), then the
/// app's own executable serves it in a process of its own (<see cref="HostProcess"/>: its server GC, its jobs
/// processing the inbox) while this process drives Shopify and WooCommerce ingest and the restore redirect at it.
/// </summary>
internal static class MemoryRun
{
    public const double MaxPeakRssMegabytes = 250;

    public sealed record Options(int Carts, int Stores, int Links, int Seconds, int Warmup, int Connections, string? Postgres, IReadOnlyList<string> Overrides);

    /// <summary>A path driven at the host process, its CPU the host's, and the host's resident memory right after.</summary>
    private sealed record Phase(HotPaths.Result Path, double ResidentAfter);

    public static async Task<(string Report, bool Passed)> RunAsync(Options options, string command, HttpClient http)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var loadAtStart = Report.LoadAverage();
        await using var seeder = await BenchHost.StartAsync(options.Postgres, [.. options.Overrides, "--Jobs:Enabled=false"]);
        Console.WriteLine($"{options.Carts:N0} carts: seeding ...");
        var seeded = await CartSeeder.SeedAsync(seeder, options.Carts, options.Stores, options.Postgres is not null, Console.WriteLine);
        Console.WriteLine($"Seeded in {seeded.Took.TotalSeconds:0} s");
        // Links of seeded messages drawn over the whole table, as the growth run clicks them.
        var hotPaths = await HotPaths.SetUpAsync(seeder, await HotQueries.SampleAsync(seeder.Services, seeded, options.Links));

        // The same settings, the same database and secrets folder; the jobs on (they process what ingest stores).
        var arguments = seeder.Arguments.Where(a => a != "--Jobs:Enabled=false");
        var logPath = Path.Combine(Path.GetTempPath(), "cartrecovery-bench", $"host-{Guid.NewGuid():N}.log");
        Directory.CreateDirectory(Path.GetDirectoryName(logPath)!);
        List<Phase> phases;
        double idle, peak, sampledPeak, resident, anonymous, files, shared;
        await using (var host = await HostProcess.StartAsync(arguments, logPath, http))
        {
            // Every job fires once when the host starts: let that pass before the idle figure.
            await Task.Delay(TimeSpan.FromSeconds(5));
            idle = host.Status("VmRSS");
            Console.WriteLine($"Host process started: {idle:0} MB resident");
            phases = await hotPaths.DriveAsync(host.BaseUrl, http, options.Connections, options.Warmup, options.Seconds, () => host.Cpu, path =>
            {
                var phase = new Phase(path, host.Status("VmRSS"));
                Console.WriteLine($"  {path.Name}: {path.Load.PerSecond:0} /s, host CPU {path.CpuMicrosWithProcessing:0} µs per request, "
                    + $"{path.Load.Errors} errors, {phase.ResidentAfter:0} MB resident");
                return phase;
            });
            (peak, sampledPeak, resident) = (host.Status("VmHWM"), host.SampledPeakMegabytes, host.Status("VmRSS"));
            (anonymous, files, shared) = (host.Status("RssAnon"), host.Status("RssFile"), host.Status("RssShmem"));
        }
        File.Delete(logPath);

        var engine = options.Postgres is null ? "sqlite" : "postgres";
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"""
            # Memory: the host in its own process at {options.Carts:N0} carts ({engine})

            {Report.RunRows(startedAt, loadAtStart, command)}
            | Data | {seeded.Stores} shops, {options.Carts:N0} carts as the growth run seeds them (seeded in {seeded.Took.TotalSeconds:0} s) |
            | Host | the app's own executable (`CartRecovery.Web`: the server GC as it ships, `MALLOC_ARENA_MAX=2` as the container image sets it), its jobs on; driven over loopback from the bench's process ({options.Connections} keep-alive connections, {options.Warmup} s warm-up then {options.Seconds} s per path) |
            | Target | peak resident memory ≤ {MaxPeakRssMegabytes} MB |

            | Phase | Per s | Errors | Host CPU per request (until drained) | Resident after |
            |---|---|---|---|---|
            | started, its jobs' first runs over | | | | {idle:0} MB |

            """);
        foreach (var ((name, load, hostCpu, drain), residentAfter) in phases)
            text.Append(CultureInfo.InvariantCulture,
                $"| {name} | {load.PerSecond:0} | {load.Errors} | {hostCpu:0} µs{(drain > TimeSpan.Zero ? $" (inbox drained {drain.TotalSeconds:0.0} s after)" : "")} | {residentAfter:0} MB |\n");
        text.Append(CultureInfo.InvariantCulture, $"""

            **Peak resident memory of the host process (VmHWM): {peak:0} MB** ({(peak <= MaxPeakRssMegabytes ? "within" : "OVER")} the {MaxPeakRssMegabytes} MB target;
            the highest of the samples taken every 100 ms: {sampledPeak:0} MB). At the end: {resident:0} MB resident, of which
            {anonymous:0} MB anonymous memory (managed heap, native allocations, SQLite's page caches), {files:0} MB mapped files
            (the runtime, the assemblies, native libraries) and {shared:0} MB shared memory (the runtime's double-mapped JIT code,
            SQLite's WAL index).

            """);
        return (text.ToString(), phases.All(p => p.Path.Load.Errors == 0));
    }
}
