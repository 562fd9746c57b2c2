using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace CartRecovery.Bench.Http.Memory;

/// <summary>
/// The real host as operators run it: the app's own executable (<c>CartRecovery.Web</c>, copied beside this one by the
/// project reference, with its runtime settings: the server GC; and the container image's environment) in a process of its own, so its resident memory and CPU
/// are its own and not the load driver's. Its output goes to <c>host.log</c> in the bench's temporary folder.
/// </summary>
internal sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly Timer _sampler;
    private long _peakKilobytes;

    private HostProcess(Process process, StreamWriter log, Uri baseUrl)
    {
        (_process, _log, BaseUrl) = (process, log, baseUrl);
        _sampler = new Timer(_ => Sample(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(100));
    }

    public Uri BaseUrl { get; }

    public string LogPath => ((FileStream)_log.BaseStream).Name;

    /// <summary>The process's CPU time so far (user and system).</summary>
    public TimeSpan Cpu
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>The highest resident set seen by sampling every 100 ms, in MB (VmHWM, the kernel's own, is in <see cref="Status"/>).</summary>
    public double SampledPeakMegabytes => Interlocked.Read(ref _peakKilobytes) / 1024.0;

    /// <summary>Starts the host on <paramref name="arguments"/> (a later setting wins) on a free loopback port and waits until /healthz answers.</summary>
    public static async Task<HostProcess> StartAsync(IEnumerable<string> arguments, string logPath, HttpClient http)
    {
        var executable = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "CartRecovery.Web.exe" : "CartRecovery.Web");
        var port = FreePort();
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var argument in arguments.Append($"--Urls=http://127.0.0.1:{port}"))
            start.ArgumentList.Add(argument);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        // As the container image runs it (Dockerfile): two glibc malloc arenas, not one per busy thread.
        start.Environment["MALLOC_ARENA_MAX"] = "2";
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {executable}.");
        var log = new StreamWriter(logPath) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var host = new HostProcess(process, log, new Uri($"http://127.0.0.1:{port}/"));
        var waited = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"The host process stopped at start with exit code {process.ExitCode}; see {logPath}.");
            try
            {
                using var health = await http.GetAsync(new Uri(host.BaseUrl, "healthz"));
                if (health.StatusCode == HttpStatusCode.OK)
                    return host;
            }
            catch (HttpRequestException)
            {
            }
            if (waited.Elapsed > TimeSpan.FromMinutes(2))
                throw new TimeoutException($"The host process did not answer /healthz in 2 minutes; see {logPath}.");
            await Task.Delay(200);
        }
    }

    /// <summary>A memory line of the host's /proc/PID/status in MB (<see cref="ProcStatus.Megabytes"/>).</summary>
    public double Status(string key) => ProcStatus.Megabytes($"/proc/{_process.Id}/status", key);

    public async ValueTask DisposeAsync()
    {
        await _sampler.DisposeAsync();
        if (!_process.HasExited)
        {
            // SIGTERM: the host stops as it would under systemd or Kubernetes (its jobs finish their batch).
            using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
                await kill.WaitForExitAsync();
            using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await _process.WaitForExitAsync(stopping.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        _process.Dispose();
        await _log.DisposeAsync();
    }

    private void Sample()
    {
        var resident = Status("VmRSS");
        if (double.IsNaN(resident))
            return;
        var kilobytes = (long)(resident * 1024);
        long seen;
        while (kilobytes > (seen = Interlocked.Read(ref _peakKilobytes)) && Interlocked.CompareExchange(ref _peakKilobytes, kilobytes, seen) != seen)
        {
        }
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
            return;
        lock (log)
            log.WriteLine(line);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
