using System.Collections.Concurrent;
using System.Diagnostics;

namespace CartRecovery.ScaleOut.Tests;

/// <summary>
/// One real host process: <c>dotnet CartRecovery.Web.dll</c> (built and copied beside these tests), configured through
/// command-line settings, its output kept for the failure message. <see cref="Kill"/> is SIGKILL on Unix: no shutdown
/// hook, no lease released, no Quartz state cleaned up, exactly like a machine that loses power.
/// </summary>
internal sealed class HostNode : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private HostNode(string name, Process process)
    {
        Name = name;
        _process = process;
    }

    public string Name { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>The host's id in message claims starts with "{machine}:{pid}:" (see MessageDispatcher.ClaimerId).</summary>
    public string ClaimerPrefix => $"{Environment.MachineName}:{ProcessId}:";

    public static HostNode Start(string name, IReadOnlyDictionary<string, string> settings, string? command = null)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "CartRecovery.Web.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(dll);
        if (command is not null)
            start.ArgumentList.Add(command);
        foreach (var (key, value) in settings)
            start.ArgumentList.Add($"--{key}={value}");
        start.Environment["DOTNET_NOLOGO"] = "1";
        // Small heaps: three hosts share the CI machine with the test itself.
        start.Environment["DOTNET_gcServer"] = "0";
        start.Environment["DOTNET_GCHeapHardLimit"] = "0x20000000";

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var node = new HostNode(name, process);
        process.OutputDataReceived += (_, e) => node.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => node.Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return node;
    }

    /// <summary>SIGKILL, and waits until the process is gone.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: false);
        _process.WaitForExit();
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout, CancellationToken ct)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(timeout);
        await _process.WaitForExitAsync(limit.Token);
        return _process.ExitCode;
    }

    /// <summary>The last lines the process wrote, for a failure message.</summary>
    public string Tail(int lines = 40) => $"--- {Name} (pid {ProcessId}) ---\n" + string.Join('\n', _output.TakeLast(lines));

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(CancellationToken.None);
        }
        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
            return;
        _output.Enqueue(line);
        while (_output.Count > 500)
            _output.TryDequeue(out _);
    }
}
