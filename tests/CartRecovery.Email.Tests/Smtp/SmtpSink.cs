using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using MimeKit;

namespace CartRecovery.Email.Tests.Smtp;

/// <summary>
/// A real SMTP server on loopback: <c>smtp_sink.py</c> (aiosmtpd) in a child process, writing what it receives into
/// a temp folder. Debian's python3-aiosmtpd installs for the system interpreter, so it runs <c>/usr/bin/python3</c>
/// (override with CARTRECOVERY_TEST_PYTHON). Without aiosmtpd the start fails loudly: CI installs it, and a
/// silently skipped SMTP suite would hide a broken transport.
/// </summary>
internal sealed class SmtpSink : IAsyncDisposable
{
    public const string Username = "relay-user";
    public const string Password = "relay-secret";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);

    private readonly Process _process;
    private readonly TempDirectory _folder;

    private SmtpSink(Process process, TempDirectory folder, int port)
    {
        _process = process;
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    public static async Task<SmtpSink> StartAsync(CancellationToken ct)
    {
        var python = Environment.GetEnvironmentVariable("CARTRECOVERY_TEST_PYTHON") is { Length: > 0 } configured ? configured : "/usr/bin/python3";
        var folder = new TempDirectory();
        var start = new ProcessStartInfo(python)
        {
            ArgumentList = { ScriptPath(), "0", folder.Path, Username, Password },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{python} did not start.");
        }
        catch (System.ComponentModel.Win32Exception error)
        {
            throw new InvalidOperationException($"The SMTP tests need {python} with aiosmtpd (Debian: apt-get install -y python3-aiosmtpd): {error.Message}", error);
        }

        var stderr = new StringBuilder();
        process.ErrorDataReceived += (_, e) => { lock (stderr) stderr.AppendLine(e.Data); };
        process.BeginErrorReadLine();
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
        wait.CancelAfter(StartTimeout);
        string? ready;
        try
        {
            // The sink binds port 0 itself and announces the port, so two test runs can never race for one.
            ready = await process.StandardOutput.ReadLineAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            ready = null;
        }
        if (ready is null || !ready.StartsWith("READY ", StringComparison.Ordinal) || !int.TryParse(ready.AsSpan(6), out var port))
        {
            Stop(process);
            await process.WaitForExitAsync(CancellationToken.None);
            folder.Dispose();
            string said;
            lock (stderr) said = stderr.ToString().Trim();
            throw new InvalidOperationException(
                $"The SMTP sink did not start within {StartTimeout.TotalSeconds:0}s. The SMTP tests need aiosmtpd for {python} "
                + $"(Debian: apt-get install -y python3-aiosmtpd). Output: '{ready}'. Errors: '{said}'.");
        }
        return new SmtpSink(process, folder, port);
    }

    /// <summary>The messages received so far, oldest first.</summary>
    public IReadOnlyList<ReceivedEmail> Received() =>
        Directory.Exists(_folder.Path)
            ? Directory.GetFiles(_folder.Path, "*.eml")
                .OrderBy(f => int.Parse(Path.GetFileNameWithoutExtension(f), System.Globalization.CultureInfo.InvariantCulture))
                .Select(Load)
                .ToList()
            : [];

    public async ValueTask DisposeAsync()
    {
        Stop(_process);
        await _process.WaitForExitAsync(CancellationToken.None);
        _process.Dispose();
        _folder.Dispose();
    }

    private static ReceivedEmail Load(string emlPath)
    {
        using var envelope = JsonDocument.Parse(File.ReadAllText(Path.ChangeExtension(emlPath, ".json")));
        var root = envelope.RootElement;
        return new ReceivedEmail(
            MimeMessage.Load(emlPath),
            root.GetProperty("mail_from").GetString(),
            root.GetProperty("rcpt_tos").EnumerateArray().Select(r => r.GetString()!).ToList(),
            root.GetProperty("login").GetString());
    }

    private static void Stop(Process process)
    {
        if (!process.HasExited)
            process.Kill(entireProcessTree: true);
    }

    // The project file does not copy the script to the output, and --artifacts-path moves the output away from the
    // source tree, so the script is found next to this file as it was compiled, or by walking up to the repository.
    private static string ScriptPath([CallerFilePath] string thisFile = "")
    {
        const string name = "smtp_sink.py";
        var candidates = new List<string> { Path.Combine(Path.GetDirectoryName(thisFile) ?? "", name) };
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                candidates.Add(Path.Combine(dir.FullName, "tests", "CartRecovery.Email.Tests", "Smtp", name));
        }
        return candidates.FirstOrDefault(File.Exists)
               ?? throw new FileNotFoundException($"{name} not found; looked in: {string.Join(", ", candidates.Distinct())}");
    }
}

/// <summary>One message as the sink received it: the MIME message and its SMTP envelope.</summary>
internal sealed record ReceivedEmail(MimeMessage Message, string? MailFrom, IReadOnlyList<string> RcptTo, string? Login);
