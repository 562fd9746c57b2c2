using System.Diagnostics;
using CartRecovery.Core.Restore;
using CartRecovery.Core.Stores;
using Microsoft.Extensions.DependencyInjection;

namespace CartRecovery.Bench.Http.Growth;

/// <summary>
/// One database size: the real host on a fresh database filled with <c>carts</c> carts, the hot queries timed through
/// their repositories, then the three HTTP paths driven as <c>--target shopify|woocommerce|redirect</c> drive them.
/// </summary>
internal static class GrowthRun
{
    public sealed record Options(int Stores, int Ops, int Seconds, int Warmup, int Connections, string? Postgres, IReadOnlyList<string> Overrides);

    public sealed record Path(string Name, LoadResult Load, double CpuMicrosWithProcessing, TimeSpan Drain);

    public sealed record Size(int Carts, CartSeeder.Seeded Seeded, IReadOnlyList<HotQueries.Timing> Queries, IReadOnlyList<Path> Paths,
        double PeakRssMegabytes, double RssMegabytes, double AnonymousRssMegabytes, double FileRssMegabytes, double SharedRssMegabytes,
        double ManagedCommittedMegabytes,
        double SqlitePeakMegabytes);

    public static async Task<Size> MeasureAsync(int carts, Options options, HttpClient http)
    {
        await using var host = await BenchHost.StartAsync(options.Postgres, options.Overrides);
        Console.WriteLine($"{carts:N0} carts: seeding ...");
        var seeded = await CartSeeder.SeedAsync(host, carts, options.Stores, options.Postgres is not null, Console.WriteLine);
        Console.WriteLine($"{carts:N0} carts: seeded in {seeded.Took.TotalSeconds:0} s; timing the hot queries ({options.Ops} calls each) ...");
        // Every job of the host fires once when it starts: a small database is seeded before those runs are over.
        await Task.Delay(TimeSpan.FromSeconds(5));
        var samples = await HotQueries.SampleAsync(host.Services, seeded, options.Ops);
        var queries = await HotQueries.MeasureAsync(host.Services, samples, options.Ops);
        foreach (var query in queries)
            Console.WriteLine($"  {query.Name}: {query.WallMicrosPerOp:0} µs, CPU {query.CpuMicrosPerOp:0} µs");

        await host.AddStoreAsync(Platforms.Shopify, Deliveries.ShopDomain);
        var woo = await host.AddStoreAsync(Platforms.WooCommerce, "https://woo.bench.example");
        await host.SaveWebhookSecretAsync(woo.Id, Deliveries.WooCommerceSecret);
        var signer = host.Services.GetRequiredService<LinkTokenSigner>();
        var expires = DateTimeOffset.UtcNow.AddDays(7);
        var tokens = samples.Select(s => signer.Issue(TokenPurpose.Restore, s.Messages[0].Id, expires)).ToArray();
        var paths = new List<Path>
        {
            await DriveAsync(host, http, options, "Shopify ingest", "shopify", n => Deliveries.Shopify(new Uri(host.BaseUrl, "webhooks/shopify"), n), 200),
            await DriveAsync(host, http, options, "WooCommerce ingest", "woocommerce",
                n => Deliveries.WooCommerce(new Uri(host.BaseUrl, $"webhooks/woocommerce/{woo.Id}"), n), 200),
            await DriveAsync(host, http, options, "Restore redirect", null,
                n => new HttpRequestMessage(HttpMethod.Get, new Uri(host.BaseUrl, $"r/{tokens[n % tokens.Length]}")), 302),
        };
        // Where the resident memory goes: the managed heap (committed) and SQLite's own allocations (page caches of the
        // pooled connections, statements; its high-water mark over the process so far).
        var sqlitePeak = options.Postgres is null ? SQLitePCL.raw.sqlite3_memory_highwater(0) / (1024.0 * 1024.0) : double.NaN;
        return new(carts, seeded, queries, paths, Memory("VmHWM"), Memory("VmRSS"), Memory("RssAnon"), Memory("RssFile"), Memory("RssShmem"),
            GC.GetGCMemoryInfo().TotalCommittedBytes / (1024.0 * 1024.0),
            sqlitePeak);
    }

    /// <summary>
    /// Warm-up, then the measured load; for an ingest path the inbox is drained after each so the processing of the
    /// warm-up is not counted, and the CPU of ingest plus processing is the process's CPU from the load's start to the drain.
    /// </summary>
    private static async Task<Path> DriveAsync(BenchHost host, HttpClient http, Options options, string name, string? platform,
        Func<long, HttpRequestMessage> request, int status)
    {
        var driver = new LoadDriver(http, options.Connections);
        await driver.RunAsync(request, status, TimeSpan.FromSeconds(options.Warmup));
        if (platform is not null)
            await ExactlyOnce.DrainAsync(host, platform);
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var load = await driver.RunAsync(request, status, TimeSpan.FromSeconds(options.Seconds));
        var drain = platform is null ? TimeSpan.Zero : await ExactlyOnce.DrainAsync(host, platform);
        process.Refresh();
        var withProcessing = (process.TotalProcessorTime - cpu).TotalMicroseconds / Math.Max(1, load.Ok + load.Errors);
        Console.WriteLine($"  {name}: {load.PerSecond:0} /s, CPU {load.CpuMicrosPerRequest:0} µs per request, "
            + $"{withProcessing:0} µs with processing (drained {drain.TotalSeconds:0.0} s after), {load.Errors} errors");
        return new(name, load, withProcessing, drain);
    }

    /// <summary>
    /// A line of /proc/self/status in MB (VmHWM: the peak resident set; VmRSS: the current one, RssAnon plus RssFile, the
    /// mapped files: runtime, assemblies, native libraries, plus RssShmem, shared memory: the runtime maps its JIT-compiled
    /// code twice through it, writable and executable, and SQLite its WAL index); NaN elsewhere.
    /// </summary>
    private static double Memory(string key)
    {
        const string Status = "/proc/self/status";
        if (!File.Exists(Status))
            return double.NaN;
        var line = File.ReadLines(Status).FirstOrDefault(l => l.StartsWith(key + ":", StringComparison.Ordinal));
        return line is null ? double.NaN : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024.0;
    }
}
