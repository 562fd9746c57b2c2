using System.Globalization;
using System.Text;
using CartRecovery.Bench.Http.Growth;
using CartRecovery.Core.Restore;
using CartRecovery.Core.Stores;
using Microsoft.Extensions.DependencyInjection;

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

    private sealed record Phase(string Name, double PerSecond, long Errors, double HostCpuMicrosPerRequest, TimeSpan Drain, double ResidentAfter);

    public static async Task<(string Report, bool Passed)> RunAsync(Options options, string command, HttpClient http)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var loadAtStart = Report.LoadAverage();
        await using var seeder = await BenchHost.StartAsync(options.Postgres, [.. options.Overrides, "--Jobs:Enabled=false"]);
        Console.WriteLine($"{options.Carts:N0} carts: seeding ...");
        var seeded = await CartSeeder.SeedAsync(seeder, options.Carts, options.Stores, options.Postgres is not null, Console.WriteLine);
        Console.WriteLine($"Seeded in {seeded.Took.TotalSeconds:0} s");
        await seeder.AddStoreAsync(Platforms.Shopify, Deliveries.ShopDomain);
        var woo = await seeder.AddStoreAsync(Platforms.WooCommerce, "https://woo.bench.example");
        await seeder.SaveWebhookSecretAsync(woo.Id, Deliveries.WooCommerceSecret);
        // Links of seeded messages drawn over the whole table, as the growth run clicks them.
        var samples = await HotQueries.SampleAsync(seeder.Services, seeded, options.Links);
        var signer = seeder.Services.GetRequiredService<LinkTokenSigner>();
        var expires = DateTimeOffset.UtcNow.AddDays(7);
        var tokens = samples.Select(s => signer.Issue(TokenPurpose.Restore, s.Messages[0].Id, expires)).ToArray();

        // The same settings, the same database and secrets folder; the jobs on (they process what ingest stores).
        var arguments = seeder.Arguments.Where(a => a != "--Jobs:Enabled=false");
        var logPath = Path.Combine(Path.GetTempPath(), "cartrecovery-bench", $"host-{Guid.NewGuid():N}.log");
        Directory.CreateDirectory(Path.GetDirectoryName(logPath)!);
        var phases = new List<Phase>();
        double idle, peak, sampledPeak, resident, anonymous, files, shared;
        await using (var host = await HostProcess.StartAsync(arguments, logPath, http))
        {
            // Every job fires once when the host starts: let that pass before the idle figure.
            await Task.Delay(TimeSpan.FromSeconds(5));
            idle = host.Status("VmRSS");
            Console.WriteLine($"Host process started: {idle:0} MB resident");
            phases.Add(await DriveAsync(host, seeder, http, options, "Shopify ingest", "shopify",
                n => Deliveries.Shopify(new Uri(host.BaseUrl, "webhooks/shopify"), n), 200));
            phases.Add(await DriveAsync(host, seeder, http, options, "WooCommerce ingest", "woocommerce",
                n => Deliveries.WooCommerce(new Uri(host.BaseUrl, $"webhooks/woocommerce/{woo.Id}"), n), 200));
            phases.Add(await DriveAsync(host, seeder, http, options, "Restore redirect", null,
                n => new HttpRequestMessage(HttpMethod.Get, new Uri(host.BaseUrl, $"r/{tokens[n % tokens.Length]}")), 302));
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
        foreach (var phase in phases)
            text.Append(CultureInfo.InvariantCulture,
                $"| {phase.Name} | {phase.PerSecond:0} | {phase.Errors} | {phase.HostCpuMicrosPerRequest:0} µs{(phase.Drain > TimeSpan.Zero ? $" (inbox drained {phase.Drain.TotalSeconds:0.0} s after)" : "")} | {phase.ResidentAfter:0} MB |\n");
        text.Append(CultureInfo.InvariantCulture, $"""

            **Peak resident memory of the host process (VmHWM): {peak:0} MB** ({(peak <= MaxPeakRssMegabytes ? "within" : "OVER")} the {MaxPeakRssMegabytes} MB target;
            the highest of the samples taken every 100 ms: {sampledPeak:0} MB). At the end: {resident:0} MB resident, of which
            {anonymous:0} MB anonymous memory (managed heap, native allocations, SQLite's page caches), {files:0} MB mapped files
            (the runtime, the assemblies, native libraries) and {shared:0} MB shared memory (the runtime's double-mapped JIT code,
            SQLite's WAL index).

            """);
        return (text.ToString(), phases.All(p => p.Errors == 0));
    }

    /// <summary>Warm-up, then the measured load; an ingest path's CPU runs on until the host's jobs have drained the inbox.</summary>
    private static async Task<Phase> DriveAsync(HostProcess host, BenchHost seeder, HttpClient http, Options options, string name, string? platform,
        Func<long, HttpRequestMessage> request, int status)
    {
        var driver = new LoadDriver(http, options.Connections);
        await driver.RunAsync(request, status, TimeSpan.FromSeconds(options.Warmup));
        if (platform is not null)
            await ExactlyOnce.DrainAsync(seeder, platform);
        var cpu = host.Cpu;
        var load = await driver.RunAsync(request, status, TimeSpan.FromSeconds(options.Seconds));
        var drain = platform is null ? TimeSpan.Zero : await ExactlyOnce.DrainAsync(seeder, platform);
        var perRequest = (host.Cpu - cpu).TotalMicroseconds / Math.Max(1, load.Ok + load.Errors);
        var phase = new Phase(name, load.PerSecond, load.Errors, perRequest, drain, host.Status("VmRSS"));
        Console.WriteLine($"  {name}: {load.PerSecond:0} /s, host CPU {perRequest:0} µs per request, {load.Errors} errors, {phase.ResidentAfter:0} MB resident");
        return phase;
    }
}
