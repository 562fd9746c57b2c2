using System.Diagnostics;
using System.Globalization;
using CartRecovery.Testing.Emulators.Postmark;

namespace CartRecovery.Bench;

/// <summary>
/// The Postmark emulator in a process of its own, so that its work (parsing and checking every batch) does not count
/// as the host's: started as this benchmark's own executable with <c>--serve-postmark</c>, it prints its address, and
/// answers <c>report</c> on its standard input with the number of messages it accepted and of distinct message ids
/// among them (our <c>message_id</c> metadata): a message sent twice shows as a difference.
/// </summary>
internal sealed class PostmarkProcess : IAsyncDisposable
{
    private readonly Process _process;

    private PostmarkProcess(Process process, Uri baseUrl) => (_process, BaseUrl) = (process, baseUrl);

    public Uri BaseUrl { get; }

    public static async Task<PostmarkProcess> StartAsync()
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false,
        };
        // Run as a .dll by the dotnet host, the process path is the host: hand it the assembly first.
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
            start.ArgumentList.Add(typeof(PostmarkProcess).Assembly.Location);
        start.ArgumentList.Add("--serve-postmark");
        var process = Process.Start(start)!;
        var address = await process.StandardOutput.ReadLineAsync() ?? throw new InvalidOperationException("The Postmark emulator process did not start.");
        return new PostmarkProcess(process, new Uri(address));
    }

    public async Task<(int Accepted, int Distinct)> ReportAsync()
    {
        await _process.StandardInput.WriteLineAsync("report");
        await _process.StandardInput.FlushAsync();
        var parts = (await _process.StandardOutput.ReadLineAsync())!.Split(' ');
        return (int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture));
    }

    public async ValueTask DisposeAsync()
    {
        _process.StandardInput.Close();
        if (!_process.WaitForExit(5000))
            _process.Kill();
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    /// <summary>The child's side: serves until its standard input closes.</summary>
    public static async Task<int> ServeAsync()
    {
        await using var emulator = await PostmarkEmulator.StartAsync(new PostmarkEmulatorOptions { KeepContent = false });
        Console.WriteLine(emulator.BaseUrl);
        while (await Console.In.ReadLineAsync() is { } line)
        {
            if (line != "report")
                continue;
            var messages = emulator.Messages;
            var distinct = messages.Select(m => m.Metadata.GetValueOrDefault(PostmarkMetadataKey)).Distinct(StringComparer.Ordinal).Count();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{messages.Count} {distinct}"));
        }
        return 0;
    }

    /// <summary>The metadata key every recovery email carries its message id in (see <c>PostmarkTransport</c>).</summary>
    private const string PostmarkMetadataKey = "message_id";
}
