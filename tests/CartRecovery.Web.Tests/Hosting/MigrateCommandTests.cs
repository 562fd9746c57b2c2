using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace CartRecovery.Web.Tests.Hosting;

/// <summary>The operator's <c>migrate</c> command, run as the real executable.</summary>
public sealed class MigrateCommandTests
{
    [Fact]
    public async Task Migrate_OnAFreshFolder_CreatesTheSchemaInWalModeAndExitsZeroTwice()
    {
        var ct = TestContext.Current.CancellationToken;
        var data = Path.Combine(Path.GetTempPath(), "cartrecovery-tests", Guid.NewGuid().ToString("N"));
        try
        {
            for (var run = 0; run < 2; run++)
            {
                var (code, output) = await RunAsync(ct, "migrate", $"--Storage:DataDirectory={data}");
                Assert.True(code == 0, $"exit {code}: {output}");
            }

            await using var db = new SqliteConnection($"Data Source={Path.Combine(data, "cartrecovery.db")};Pooling=False");
            await db.OpenAsync(ct);
            var tables = new List<string>();
            await using (var command = new SqliteCommand("SELECT name FROM sqlite_master WHERE type = 'table'", db))
            await using (var reader = await command.ExecuteReaderAsync(ct))
                while (await reader.ReadAsync(ct))
                    tables.Add(reader.GetString(0));
            Assert.Contains("carts", tables);
            Assert.Contains("messages", tables);
            Assert.Contains("QRTZ_TRIGGERS", tables);
            await using var wal = new SqliteCommand("PRAGMA journal_mode", db);
            Assert.Equal("wal", (string?)await wal.ExecuteScalarAsync(ct));
        }
        finally
        {
            try { Directory.Delete(data, recursive: true); } catch (IOException) { }
        }
    }

    [Fact]
    public async Task UnknownCommand_ExitsTwoWithTheListOfCommands()
    {
        var data = Path.Combine(Path.GetTempPath(), "cartrecovery-tests", Guid.NewGuid().ToString("N"));
        var (code, output) = await RunAsync(TestContext.Current.CancellationToken, "frobnicate", $"--Storage:DataDirectory={data}");

        Assert.Equal(2, code);
        Assert.Contains("migrate", output, StringComparison.Ordinal);
        try { Directory.Delete(data, recursive: true); } catch (IOException) { }
    }

    private static async Task<(int Code, string Output)> RunAsync(CancellationToken ct, params string[] args)
    {
        var app = Path.Combine(AppContext.BaseDirectory, "CartRecovery.Web.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
        start.ArgumentList.Add(app);
        foreach (var a in args)
            start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
