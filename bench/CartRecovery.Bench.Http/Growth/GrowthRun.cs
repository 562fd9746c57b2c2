using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace CartRecovery.Bench.Http.Growth;

/// <summary>
/// One database size: the real host on a fresh database filled with <c>carts</c> carts, the hot queries timed through
/// their repositories, then the three HTTP paths driven as <c>--target shopify|woocommerce|redirect</c> drive them.
/// </summary>
internal static class GrowthRun
{
    public sealed record Options(int Stores, int Ops, int Seconds, int Warmup, int Connections, string? Postgres, IReadOnlyList<string> Overrides);

    /// <summary>
    /// One size's figures. Each query is timed twice: with the host's jobs running (<c>Busy</c>), as the paths are driven,
    /// and with them paused (<c>Queries</c>): the process's CPU then is the query's own. <c>JobsCpuPerSecond</c> is what the
    /// jobs took of a CPU, per second, over the seconds after seeding with no load.
    /// </summary>
    public sealed record Size(int Carts, CartSeeder.Seeded Seeded, IReadOnlyList<HotQueries.Timing> Queries, IReadOnlyList<HotQueries.Timing> Busy,
        TimeSpan JobsCpuPerSecond, IReadOnlyList<HotPaths.Result> Paths,
        double PeakRssMegabytes, double RssMegabytes, double AnonymousRssMegabytes, double FileRssMegabytes, double SharedRssMegabytes,
        double ManagedCommittedMegabytes,
        double SqlitePeakMegabytes);

    public static async Task<Size> MeasureAsync(int carts, Options options, HttpClient http)
    {
        await using var host = await BenchHost.StartAsync(options.Postgres, options.Overrides);
        Console.WriteLine($"{carts:N0} carts: seeding ...");
        var seeded = await CartSeeder.SeedAsync(host, carts, options.Stores, options.Postgres is not null, Console.WriteLine);
        Console.WriteLine($"{carts:N0} carts: seeded in {seeded.Took.TotalSeconds:0} s; timing the hot queries ({options.Ops} calls each) ...");
        // Every job of the host fires once when it starts: a small database is seeded before those runs are over. What
        // they take meanwhile, with no load, is the background every figure below carries with the jobs running.
        var idle = Environment.CpuUsage.TotalTime;
        await Task.Delay(TimeSpan.FromSeconds(5));
        var jobsCpu = (Environment.CpuUsage.TotalTime - idle) / 5;
        var samples = await HotQueries.SampleAsync(host.Services, seeded, options.Ops);
        var busy = await HotQueries.MeasureAsync(host.Services, samples, options.Ops);
        var scheduler = await PauseJobsAsync(host.Services);
        var queries = await HotQueries.MeasureAsync(host.Services, samples, options.Ops);
        if (scheduler is not null)
            await scheduler.Start();
        Console.WriteLine($"  jobs at rest: {jobsCpu.TotalMilliseconds:0} ms of CPU a second");
        foreach (var (query, withJobs) in queries.Zip(busy))
            Console.WriteLine($"  {query.Name}: CPU {query.CpuMicrosPerOp:0} µs (wall {query.WallMicrosPerOp:0} µs); jobs running: CPU {withJobs.CpuMicrosPerOp:0} µs (wall {withJobs.WallMicrosPerOp:0} µs)");

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
        return new(carts, seeded, queries, busy, jobsCpu, paths, Memory("VmHWM"), Memory("VmRSS"), Memory("RssAnon"), Memory("RssFile"), Memory("RssShmem"),
            GC.GetGCMemoryInfo().TotalCommittedBytes / (1024.0 * 1024.0),
            sqlitePeak);
    }

    /// <summary>Puts the host's scheduler on standby and waits for the jobs running to finish; null when no jobs run.</summary>
    private static async Task<IScheduler?> PauseJobsAsync(IServiceProvider services)
    {
        if (services.GetService<ISchedulerFactory>() is not { } factory
            || await factory.GetScheduler() is not { Status: SchedulerStatus.Running } scheduler)
            return null;
        await scheduler.Standby();
        var mine = new FireInstanceQuery { SchedulerInstanceId = scheduler.SchedulerInstanceId };
        while ((await scheduler.QueryFireInstances(mine)).Items.Count > 0)
            await Task.Delay(50);
        return scheduler;
    }

    /// <summary>A memory line of this process's /proc/self/status in MB (<see cref="ProcStatus.Megabytes"/>).</summary>
    private static double Memory(string key) => ProcStatus.Megabytes("/proc/self/status", key);
}
