using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using CartRecovery.Bench;
using CartRecovery.Connectors.Demo;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Email;
using CartRecovery.Core.Messages;
using CartRecovery.Core.Recovery;
using CartRecovery.Core.Sequences;
using CartRecovery.Core.Stores;
using CartRecovery.Jobs;
using CartRecovery.Web.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

// Timing precision of the dispatch path: N messages with due times spread over a window, on a real SQLite file, sent
// by the real host's Quartz jobs and dispatcher on the real clock; the transport only records.
// Lateness = sent_at - due_at as stored. Usage: dotnet run -c Release --project bench/CartRecovery.Bench --
//   [--messages 5000] [--window 60] [--out bench/results/timing.md] [--Section:Key=value ...]
var messages = IntArg("--messages", 5000);
var windowSeconds = IntArg("--window", 60);
var outPath = StringArg("--out", Path.Combine("bench", "results", "timing.md"));
var overrides = args.Where(a => a.StartsWith("--", StringComparison.Ordinal) && a.Contains(':', StringComparison.Ordinal)).ToArray();

var data = Path.Combine(Path.GetTempPath(), "cartrecovery-bench", Guid.NewGuid().ToString("N"));
string[] hostArgs =
[
    $"--Storage:DataDirectory={data}", "--Jobs:Enabled=true", "--Demo:Enabled=false", "--Urls=http://127.0.0.1:0",
    "--Recovery:PublicBaseUrl=http://localhost/", "--Logging:LogLevel:Default=Warning", .. overrides,
];
var builder = CartRecoveryHost.CreateBuilder(hostArgs);
builder.Services.AddSingleton<IEmailTransport, RecordingTransport>();
await using var app = builder.Build();
var ct = app.Lifetime.ApplicationStopping;
await app.Services.GetRequiredService<StartupTasks>().MigrateAsync(onlyWhenBehind: false, ct);
var store = await DemoStore.EnsureAsync(app.Services.GetRequiredService<IStoreRepository>(), new Uri("http://localhost/"), TimeProvider.System.GetUtcNow(), ct);
var jobs = app.Services.GetRequiredService<IOptions<JobsOptions>>().Value;
var recovery = app.Services.GetRequiredService<RecoveryOptions>();
// Seed first (the scheduler is not running yet, so seeding speed does not distort the measure), then give every
// message its due time in one statement: spread over the window, starting 5 s after the host starts.
Console.WriteLine($"Seeding {messages} abandoned carts with one pending email each ...");
var carts = app.Services.GetRequiredService<ICartRepository>();
var time = TimeProvider.System;
var step = SequencePresets.Find(store.Sequence).Steps.First(s => s.Kind == StepKind.Email);
var seeding = Stopwatch.StartNew();
var farAway = time.GetUtcNow().AddDays(1);
for (var i = 0; i < messages; i++)
{
    var now = time.GetUtcNow();
    var snapshot = new CartSnapshot(store.Id, $"bench-{i}", new CartContact($"bench{i}@example.com", FirstName: "Bench"),
        [new CartLine("Bench item", 1, 1000)], store.Currency, 1000, 1000, null, now, now);
    var cart = (await carts.UpsertAsync(snapshot, now, ct)).Cart;
    await carts.AbandonAsync(cart.Id, now, [new OutboundMessage
    {
        StoreId = store.Id, CartId = cart.Id, Step = step.Number, Kind = step.Kind, Template = step.Template, DueAt = farAway,
    }], ct);
}
var connection = $"Data Source={Path.Combine(data, "cartrecovery.db")};Pooling=False";
await app.StartAsync(ct);
var start = time.GetUtcNow();
// A multiplicative hash of the id spreads the due times evenly but not in id order.
await ExecuteAsync($"UPDATE messages SET due_at = {start.AddSeconds(5).ToUnixTimeMilliseconds()} + ((id * 7919) % {windowSeconds * 1000L})");
Console.WriteLine($"Seeded in {seeding.Elapsed.TotalSeconds:0.0} s; due from 5 s to {windowSeconds + 5} s after the start (dispatch every {jobs.SendDueMessagesEvery.TotalSeconds} s) ...");

var deadline = Stopwatch.StartNew();
while (await ScalarAsync("SELECT COUNT(*) FROM messages WHERE status IN (0, 1)") > 0 && deadline.Elapsed < TimeSpan.FromSeconds(windowSeconds + 300))
    await Task.Delay(1000, ct);
await app.StopAsync(CancellationToken.None);

var lateness = new List<double>();
await using (var db = new SqliteConnection(connection))
{
    await db.OpenAsync(CancellationToken.None);
    await using var command = new SqliteCommand("SELECT sent_at - due_at FROM messages WHERE status = 2 ORDER BY 1", db);
    await using var reader = await command.ExecuteReaderAsync(CancellationToken.None);
    while (await reader.ReadAsync(CancellationToken.None))
        lateness.Add(reader.GetInt64(0));
}
var notSent = messages - lateness.Count;
string P(double q) => lateness.Count == 0 ? "-" : (lateness[Math.Min(lateness.Count - 1, (int)Math.Ceiling(q * lateness.Count) - 1)] / 1000).ToString("0.000", CultureInfo.InvariantCulture) + " s";
var report = $"""
    # Dispatch timing (lateness = sent_at - due_at)

    Messages sent on time by the real host: Quartz on its SQLite job store fires the dispatch job, which claims due rows
    of `messages` and hands each to the transport (here one that only records), on the real clock.

    | | |
    |---|---|
    | Date (UTC) | {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} |
    | Machine | {Environment.ProcessorCount} logical CPUs (shared with other builds), {RuntimeInformation.OSDescription}, {RuntimeInformation.ProcessArchitecture}, .NET {Environment.Version} |
    | Command | `dotnet run -c Release --project bench/CartRecovery.Bench -- --messages {messages} --window {windowSeconds}{(overrides.Length > 0 ? " " + string.Join(' ', overrides) : "")}` |
    | Messages | {messages} seeded before the start, then due from 5 s to {windowSeconds + 5} s after it |
    | Settings | Jobs:SendDueMessagesEvery = {jobs.SendDueMessagesEvery}, Recovery:DispatchBatchSize = {recovery.DispatchBatchSize}, Jobs:MaxBatchesPerRun = {jobs.MaxBatchesPerRun}, Storage = SQLite (WAL) |
    | Sent | {lateness.Count} ({notSent} not sent) |
    | **p50** | **{P(0.50)}** |
    | p90 | {P(0.90)} |
    | **p99** | **{P(0.99)}** |
    | **max** | **{P(1.0)}** |

    The dispatch interval bounds lateness: a message waits at most until the next fire, plus the time to drain the
    batches ahead of it. Messages are not put on a 15-minute grid: each is claimed on the first fire after its own due time.
    """;
Console.WriteLine(report);
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outPath))!);
await File.WriteAllTextAsync(outPath, report + Environment.NewLine, CancellationToken.None);
SqliteConnection.ClearAllPools();
try { Directory.Delete(data, recursive: true); } catch (IOException) { }
return notSent == 0 ? 0 : 1;

async Task ExecuteAsync(string sql)
{
    await using var db = new SqliteConnection(connection);
    await db.OpenAsync(CancellationToken.None);
    await using var command = new SqliteCommand(sql, db);
    await command.ExecuteNonQueryAsync(CancellationToken.None);
}

async Task<long> ScalarAsync(string sql)
{
    await using var db = new SqliteConnection(connection);
    await db.OpenAsync(CancellationToken.None);
    await using var command = new SqliteCommand(sql, db);
    return (long)(await command.ExecuteScalarAsync(CancellationToken.None))!;
}

int IntArg(string name, int fallback) =>
    Array.IndexOf(args, name) is >= 0 and var i && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;

string StringArg(string name, string fallback) => Array.IndexOf(args, name) is >= 0 and var i && i + 1 < args.Length ? args[i + 1] : fallback;
