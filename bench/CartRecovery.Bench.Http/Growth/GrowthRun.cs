namespace CartRecovery.Bench.Http.Growth;

/// <summary>
/// One database size: the real host on a fresh database filled with <c>carts</c> carts, the hot queries timed through
/// their repositories, then the three HTTP paths driven as <c>--target shopify|woocommerce|redirect</c> drive them.
/// </summary>
internal static class GrowthRun
{
    public sealed record Options(int Stores, int Ops, int Seconds, int Warmup, int Connections, string? Postgres, IReadOnlyList<string> Overrides);

    public sealed record Size(int Carts, CartSeeder.Seeded Seeded, IReadOnlyList<HotQueries.Timing> Queries, IReadOnlyList<HotPaths.Result> Paths,
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

        var hotPaths = await HotPaths.SetUpAsync(host, samples);
        var paths = await hotPaths.DriveAsync(host.BaseUrl, http, options.Connections, options.Warmup, options.Seconds,
            () => Environment.CpuUsage.TotalTime, path =>
            {
                Console.WriteLine($"  {path.Name}: {path.Load.PerSecond:0} /s, CPU {path.Load.CpuMicrosPerRequest:0} µs per request, "
                    + $"{path.CpuMicrosWithProcessing:0} µs with processing (drained {path.Drain.TotalSeconds:0.0} s after), {path.Load.Errors} errors");
                return path;
            });
        // Where the resident memory goes: the managed heap (committed) and SQLite's own allocations (page caches of the
        // pooled connections, statements; its high-water mark over the process so far).
        var sqlitePeak = options.Postgres is null ? SQLitePCL.raw.sqlite3_memory_highwater(0) / (1024.0 * 1024.0) : double.NaN;
        return new(carts, seeded, queries, paths, Memory("VmHWM"), Memory("VmRSS"), Memory("RssAnon"), Memory("RssFile"), Memory("RssShmem"),
            GC.GetGCMemoryInfo().TotalCommittedBytes / (1024.0 * 1024.0),
            sqlitePeak);
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
