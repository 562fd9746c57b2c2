using System.Diagnostics;

namespace CartRecovery.Bench.Http;

/// <summary>What one measured phase gave: requests answered as expected, the others, and the latency of every request.</summary>
internal sealed record LoadResult(long Ok, long Errors, TimeSpan Elapsed, double[] LatenciesMs, IReadOnlyDictionary<string, long> ErrorKinds, TimeSpan Cpu)
{
    public double PerSecond => Ok / Elapsed.TotalSeconds;

    /// <summary>
    /// CPU time the whole process (driver, server and its background jobs) spent per answered request: unlike the
    /// throughput, it hardly moves when other work on the machine takes the CPUs away.
    /// </summary>
    public double CpuMicrosPerRequest => Ok + Errors == 0 ? double.NaN : Cpu.TotalMicroseconds / (Ok + Errors);

    /// <summary>Nearest-rank percentile of every request's latency (errors included: a slow failure is still slow).</summary>
    public double Percentile(double q) =>
        LatenciesMs.Length == 0 ? double.NaN : LatenciesMs[Math.Clamp((int)Math.Ceiling(q * LatenciesMs.Length) - 1, 0, LatenciesMs.Length - 1)];
}

/// <summary>
/// Closed-loop load: <c>connections</c> workers, each with its own keep-alive connection, send one request after
/// another for a fixed time. Every request is built fresh by <c>next</c> (distinct, signed deliveries), numbered from
/// a shared counter so no two requests of a run are alike.
/// </summary>
internal sealed class LoadDriver(HttpClient http, int connections)
{
    private long _sequence;

    /// <summary>How many requests were answered with the expected status over every phase so far (warm-up included).</summary>
    public long Accepted => Interlocked.Read(ref _accepted);
    private long _accepted;

    public async Task<LoadResult> RunAsync(Func<long, HttpRequestMessage> next, int expectedStatus, TimeSpan duration)
    {
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var stop = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, connections).Select(_ => Task.Run(() => WorkAsync(next, expectedStatus, stop, duration))).ToArray();
        var results = await Task.WhenAll(workers);
        var elapsed = stop.Elapsed;
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        var latencies = results.SelectMany(r => r.Latencies).Order().ToArray();
        var kinds = results.SelectMany(r => r.Errors).GroupBy(e => e).ToDictionary(g => g.Key, g => (long)g.Count());
        return new LoadResult(results.Sum(r => r.Ok), results.Sum(r => r.Errors.Count), elapsed, latencies, kinds, cpu);
    }

    private async Task<(long Ok, List<double> Latencies, List<string> Errors)> WorkAsync(
        Func<long, HttpRequestMessage> next, int expectedStatus, Stopwatch clock, TimeSpan duration)
    {
        var latencies = new List<double>(4096);
        var errors = new List<string>();
        long ok = 0;
        while (clock.Elapsed < duration)
        {
            using var request = next(Interlocked.Increment(ref _sequence));
            var started = Stopwatch.GetTimestamp();
            try
            {
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
                // Read to the end so the connection is reused for the next request.
                await response.Content.CopyToAsync(Stream.Null);
                if ((int)response.StatusCode == expectedStatus)
                {
                    ok++;
                    Interlocked.Increment(ref _accepted);
                }
                else
                    errors.Add($"HTTP {(int)response.StatusCode}");
            }
            catch (HttpRequestException error)
            {
                errors.Add(error.HttpRequestError.ToString());
            }
            catch (TaskCanceledException)
            {
                errors.Add("timeout");
            }
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        return (ok, latencies, errors);
    }
}
