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
using CartRecovery.Core.Storage;
using CartRecovery.Core.Stores;
using CartRecovery.Data.Connections;
using CartRecovery.Jobs;
using CartRecovery.Testing.Emulators.Postmark;
using CartRecovery.Web.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;

// Dispatch: N messages with due times spread over a window (0: all due at once), on a real SQLite file or PostgreSQL
// database, sent by the real host's Quartz jobs and dispatcher on the real clock, into the Postmark emulator running in
// a process of its own (or a transport that only records). Reports lateness (sent_at - due_at as stored), throughput
// and whether any message was sent twice. Usage: dotnet run -c Release --project bench/CartRecovery.Bench --
//   [--messages 5000] [--window 60] [--transport postmark|record] [--postgres "Host=..."] [--out FILE] [--Section:Key=value ...]
if (args.Contains("--serve-postmark"))
    return await PostmarkProcess.ServeAsync();

var messages = IntArg("--messages", 5000);
var windowSeconds = IntArg("--window", 60);
var transportName = StringArg("--transport", "postmark")!;
var postgres = StringArg("--postgres", null);
var engine = postgres is null ? "SQLite (WAL)" : "PostgreSQL";
var outPath = StringArg("--out", Path.Combine("bench", "results", postgres is null ? "dispatch-sqlite.md" : "dispatch-postgres.md"))!;
var overrides = args.Where(a => a.StartsWith("--", StringComparison.Ordinal) && a.Contains(':', StringComparison.Ordinal)).ToArray();
var loadAtStart = LoadAverage();

var data = Path.Combine(Path.GetTempPath(), "cartrecovery-bench", Guid.NewGuid().ToString("N"));
List<string> hostArgs =
[
    $"--Storage:DataDirectory={data}", "--Jobs:Enabled=true", "--Demo:Enabled=false", "--Urls=http://127.0.0.1:0",
    "--Recovery:PublicBaseUrl=http://localhost/", "--Logging:LogLevel:Default=Warning",
];
string? database = null;
if (postgres is not null)
{
    database = $"cartrecovery_bench_{Guid.NewGuid():N}";
    await ExecuteOnServerAsync($"CREATE DATABASE {database}");
    hostArgs.AddRange(["--Storage:Provider=postgres", $"--Storage:ConnectionString={new NpgsqlConnectionStringBuilder(postgres) { Database = database }}"]);
}
await using var postmark = transportName == "postmark" ? await PostmarkProcess.StartAsync() : null;
if (postmark is not null)
    hostArgs.AddRange(["--Email:Transport=postmark", "--Outbound:AllowHttp=true", "--Outbound:AllowPrivateNetworks=true", $"--Postmark:ServerToken={PostmarkEmulator.DefaultServerToken}", $"--Postmark:BaseUrl={postmark.BaseUrl}"]);
hostArgs.AddRange(overrides);
var builder = CartRecoveryHost.CreateBuilder([.. hostArgs]);
var recording = new RecordingTransport();
if (postmark is null)
    builder.Services.AddSingleton<IEmailTransport>(recording);
await using var app = builder.Build();
var ct = app.Lifetime.ApplicationStopping;
await app.Services.GetRequiredService<StartupTasks>().MigrateAsync(onlyWhenBehind: false, ct);
var store = await DemoStore.EnsureAsync(app.Services.GetRequiredService<IStoreRepository>(), new Uri("http://localhost/"), TimeProvider.System.GetUtcNow(), ct);
var jobs = app.Services.GetRequiredService<IOptions<JobsOptions>>().Value;
var recovery = app.Services.GetRequiredService<RecoveryOptions>();
var connections = app.Services.GetRequiredService<IDbConnectionFactory>();
// Seed first (the scheduler is not running yet, so seeding speed does not distort the measure; relaxed durability, as
// nothing is measured until the durable update below), then give every message its due time in one statement.
Console.WriteLine($"Seeding {messages} abandoned carts with one pending email each ...");
var carts = app.Services.GetRequiredService<ICartRepository>();
var time = TimeProvider.System;
var step = SequencePresets.Find(store.Sequence).Steps.First(s => s.Kind == StepKind.Email);
var seeding = Stopwatch.StartNew();
var farAway = time.GetUtcNow().AddDays(1);
using (RelaxedDurability.Begin())
{
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
}
await app.StartAsync(ct);
var start = time.GetUtcNow();
var firstDue = start.AddSeconds(5);
// A multiplicative hash of the id spreads the due times evenly but not in id order.
await ScalarAsync(windowSeconds == 0
    ? $"UPDATE messages SET due_at = {firstDue.ToUnixTimeMilliseconds()}"
    : $"UPDATE messages SET due_at = {firstDue.ToUnixTimeMilliseconds()} + ((id * 7919) % {windowSeconds * 1000L})");
Console.WriteLine($"Seeded in {seeding.Elapsed.TotalSeconds:0.0} s; due from 5 s to {windowSeconds + 5} s after the start (dispatch every {jobs.SendDueMessagesEvery.TotalSeconds} s) ...");

var deadline = Stopwatch.StartNew();
var cpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;
while (await ScalarAsync("SELECT COUNT(*) FROM messages WHERE status IN (0, 1)") > 0 && deadline.Elapsed < TimeSpan.FromSeconds(windowSeconds + 600))
    await Task.Delay(250, ct);
var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuAtStart;
await app.StopAsync(CancellationToken.None);

var lateness = new List<double>();
var lastSent = 0L;
await using (var db = await connections.OpenAsync(CancellationToken.None))
{
    await using var command = db.CreateCommand();
    command.CommandText = "SELECT sent_at - due_at, sent_at FROM messages WHERE status = 2 ORDER BY 1";
    await using var reader = await command.ExecuteReaderAsync(CancellationToken.None);
    while (await reader.ReadAsync(CancellationToken.None))
    {
        lateness.Add(reader.GetInt64(0));
        lastSent = Math.Max(lastSent, reader.GetInt64(1));
    }
}
var (accepted, distinct) = postmark is not null ? await postmark.ReportAsync() : recording.Report();
var notSent = messages - lateness.Count;
var sentTwice = accepted - distinct;
var drain = TimeSpan.FromMilliseconds(Math.Max(1, lastSent - firstDue.ToUnixTimeMilliseconds()));
var perSecond = windowSeconds == 0 ? lateness.Count / drain.TotalSeconds : double.NaN;
string P(double q) => lateness.Count == 0 ? "-" : (lateness[Math.Min(lateness.Count - 1, (int)Math.Ceiling(q * lateness.Count) - 1)] / 1000).ToString("0.000", CultureInfo.InvariantCulture) + " s";
var commandLine = $"dotnet run -c Release --project bench/CartRecovery.Bench -- --messages {messages} --window {windowSeconds} --transport {transportName}"
    + (postgres is not null ? " --postgres \"…\"" : "") + (overrides.Length > 0 ? " " + string.Join(' ', overrides) : "");
var report = $"""
    # Dispatch: {messages:N0} messages {(windowSeconds == 0 ? "due at once" : $"due over {windowSeconds} s")}, {(postmark is not null ? "into the Postmark emulator" : "into a recording transport")}, {engine}

    Messages sent by the real host: Quartz fires the dispatch job, which claims due rows of `messages`, checks and
    renders each, and hands them to the transport ({(postmark is not null ? "Postmark's API, emulated in a separate process: `POST /email/batch`, up to 500 per call" : "one that only records")}), on the real clock.
    Lateness = `sent_at - due_at` as stored.

    | | |
    |---|---|
    | Date (UTC) | {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} |
    | Machine | {Environment.ProcessorCount} logical CPUs (shared), load average {loadAtStart} at the start and {LoadAverage()} at the end, {RuntimeInformation.OSDescription}, {RuntimeInformation.ProcessArchitecture}, .NET {Environment.Version} |
    | Command | `{commandLine}` |
    | Settings | Jobs:SendDueMessagesEvery = {jobs.SendDueMessagesEvery}, Recovery:DispatchBatchSize = {recovery.DispatchBatchSize}, Jobs:MaxBatchesPerRun = {jobs.MaxBatchesPerRun}, Storage = {engine} |
    | Sent | {lateness.Count:N0} ({notSent} not sent); the transport accepted {accepted:N0}, **{sentTwice} sent twice** |
    | **Throughput** | {(windowSeconds == 0 ? $"**{perSecond:0} messages/s** (all sent {drain.TotalSeconds:0.0} s after they fell due)" : "(spread window: see lateness)")} |
    | CPU of the host process while sending | {cpu.TotalSeconds:0.0} s ({cpu.TotalMilliseconds * 1000 / Math.Max(1, lateness.Count):0} µs per message) |
    | p50 lateness | {P(0.50)} |
    | p90 lateness | {P(0.90)} |
    | **p99 lateness** | **{P(0.99)}** |
    | max lateness | {P(1.0)} |

    A message waits at most until the next fire of the dispatch job after its due time, plus the time to send the
    batches ahead of it. Messages are not put on a 15-minute grid: each is claimed on the first fire after its own due time.
    """;
Console.WriteLine(report);
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outPath))!);
await File.WriteAllTextAsync(outPath, report + Environment.NewLine, CancellationToken.None);
SqliteConnection.ClearAllPools();
if (database is not null)
{
    NpgsqlConnection.ClearAllPools();
    await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
}
try { Directory.Delete(data, recursive: true); } catch (IOException) { }
return notSent == 0 && sentTwice == 0 ? 0 : 1;

async Task<long> ScalarAsync(string sql)
{
    await using var db = await connections.OpenAsync(CancellationToken.None);
    await using var command = db.CreateCommand();
    command.CommandText = sql;
    return Convert.ToInt64(await command.ExecuteScalarAsync(CancellationToken.None) ?? 0L, CultureInfo.InvariantCulture);
}

async Task ExecuteOnServerAsync(string sql)
{
    await using var admin = new NpgsqlConnection(postgres);
    await admin.OpenAsync();
    await using var command = new NpgsqlCommand(sql, admin);
    await command.ExecuteNonQueryAsync();
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

int IntArg(string name, int fallback) => StringArg(name, null) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

string? StringArg(string name, string? fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}
