using System.Globalization;
using CartRecovery.Bench.Floor;
using CartRecovery.Bench.Http;
using CartRecovery.Bench.Http.Growth;
using CartRecovery.Bench.Http.Memory;
using CartRecovery.Core.Stores;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

// The HTTP hot paths against the floor (bench/CartRecovery.Bench.Floor) measured in the same run, one target per command:
//   dotnet run -c Release --project bench/CartRecovery.Bench.Http -- --target shopify|woocommerce|redirect
//     [--seconds 10] [--warmup 3] [--connections 32] [--postgres "Host=...;Username=...;Database=postgres"] [--out FILE]
//     [--carts N [--stores 300]]  (the database filled with N carts first, see CartSeeder)
//     [--Section:Key=value ...]   (settings passed to the real host)
// Exit code 1 when a request failed or a delivery/click was not stored and processed exactly once; ratios never fail it.
// Growth (issue 17): the hot queries and the three paths at --small carts and at --carts carts, and the ratio:
//   dotnet run -c Release --project bench/CartRecovery.Bench.Http -- --target growth [--carts 1000000] [--small 10000]
//     [--stores 300] [--ops 2000] [--seconds 10] [--warmup 3] [--postgres ...] [--out FILE]
// Exit code 1 when a request failed; ratios and memory never fail it. A quick run: --carts 20000 --small 1000 --ops 200
//   --seconds 1 --warmup 1 --connections 4 (under a minute).
// Memory: the host's own process (the app's executable, server GC) serving the three paths at --carts carts:
//   dotnet run -c Release --project bench/CartRecovery.Bench.Http -- --target memory [--carts 1000000] [--stores 300]
//     [--links 500] [--seconds 10] [--warmup 3] [--postgres ...] [--out FILE]
var target = StringArg("--target", "shopify")!;
var seconds = IntArg("--seconds", 10);
var warmup = IntArg("--warmup", 3);
var connections = IntArg("--connections", 32);
var postgres = StringArg("--postgres", null);
var engine = postgres is null ? "sqlite" : "postgres";
var outPath = StringArg("--out", Path.Combine("bench", "results", target is "growth" or "memory" ? $"{target}-{engine}.md" : $"http-{target}-{engine}.md"))!;
var overrides = args.Where(a => a.StartsWith("--", StringComparison.Ordinal) && a.Contains(':', StringComparison.Ordinal)).ToList();
var command = Cpus.Command("dotnet run -c Release --project bench/CartRecovery.Bench.Http -- "
    + string.Join(' ', args.Select(a => a.IndexOfAny([' ', ';', '&', '|', '<', '>', '$']) >= 0 ? $"\"{a}\"" : a)));
if (target is not ("shopify" or "woocommerce" or "redirect" or "growth" or "memory"))
{
    Console.Error.WriteLine("--target must be shopify, woocommerce, redirect, growth or memory");
    return 2;
}

var loadAtStart = Report.LoadAverage();
var startedAt = DateTimeOffset.UtcNow;
using var http = new HttpClient(new SocketsHttpHandler
{
    MaxConnectionsPerServer = connections, AllowAutoRedirect = false, UseCookies = false, PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
}) { Timeout = TimeSpan.FromSeconds(30) };

if (target == "growth")
{
    var options = new GrowthRun.Options(IntArg("--stores", 300), IntArg("--ops", 2000), seconds, warmup, connections, postgres, overrides);
    // A rehearsal first, its figures dropped: the size measured first would otherwise also pay for the process's own
    // warm-up (JIT tiers, GC budgets, thread pool), measured 1.6 × slower per Shopify delivery than the second.
    Console.WriteLine("Rehearsal (not measured) ...");
    await GrowthRun.MeasureAsync(IntArg("--small", 10_000), options with { Ops = Math.Max(100, options.Ops / 4), Seconds = 1, Warmup = 1 }, http);
    var small = await GrowthRun.MeasureAsync(IntArg("--small", 10_000), options, http);
    var large = await GrowthRun.MeasureAsync(IntArg("--carts", 1_000_000), options, http);
    var growth = GrowthReport.Write(new GrowthReport.Run(engine, startedAt, loadAtStart, command, options, small, large));
    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outPath))!);
    await File.WriteAllTextAsync(outPath, growth);
    Console.WriteLine($"Written: {outPath}");
    return small.Paths.Concat(large.Paths).All(p => p.Load.Errors == 0) ? 0 : 1;
}

if (target == "memory")
{
    var options = new MemoryRun.Options(IntArg("--carts", 1_000_000), IntArg("--stores", 300), IntArg("--links", 500), seconds, warmup, connections,
        postgres, overrides);
    var (memory, passed) = await MemoryRun.RunAsync(options, command, http);
    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outPath))!);
    await File.WriteAllTextAsync(outPath, memory);
    Console.WriteLine($"Written: {outPath}");
    return passed ? 0 : 1;
}

// 1. The floor, alone on the machine (the host is not started yet).
LoadResult floor;
await using (var floorApp = FloorApp.Build([$"--{FloorApp.ShopifySecretKey}={Deliveries.ShopifySecret}",
    $"--{FloorApp.WooCommerceSecretKey}={Deliveries.WooCommerceSecret}", "--urls=http://127.0.0.1:0"]))
{
    await floorApp.StartAsync();
    var floorUrl = new Uri(floorApp.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
    var floorDriver = new LoadDriver(http, connections);
    var (floorRequest, floorStatus) = target switch
    {
        "shopify" => ((Func<long, HttpRequestMessage>)(n => Deliveries.Shopify(new Uri(floorUrl, "webhook"), n)), 200),
        "woocommerce" => (n => Deliveries.WooCommerce(new Uri(floorUrl, "webhook/woocommerce"), n), 200),
        _ => (n => new HttpRequestMessage(HttpMethod.Get, new Uri(floorUrl, $"r/floor{n}")), 302),
    };
    Console.WriteLine($"Floor: {warmup} s warm-up, {seconds} s measured, {connections} connections ...");
    await floorDriver.RunAsync(floorRequest, floorStatus, TimeSpan.FromSeconds(warmup));
    floor = await floorDriver.RunAsync(floorRequest, floorStatus, TimeSpan.FromSeconds(seconds));
    await floorApp.StopAsync();
}
Console.WriteLine($"Floor: {floor.PerSecond:0} /s, p50 {floor.Percentile(0.5):0.0} ms, p99 {floor.Percentile(0.99):0.0} ms, {floor.Errors} errors");

// 2. The real host on the same path.
await using var host = await BenchHost.StartAsync(postgres, overrides);
CartSeeder.Seeded? seeded = null;
if (IntArg("--carts", 0) is > 0 and var seedCarts)
{
    Console.WriteLine($"Seeding {seedCarts:N0} carts ...");
    seeded = await CartSeeder.SeedAsync(host, seedCarts, IntArg("--stores", 300), postgres is not null, Console.WriteLine);
    Console.WriteLine($"Seeded in {seeded.Took.TotalSeconds:0} s");
}
Func<long, HttpRequestMessage> request;
int status;
string[] tokens = [];
long storeId;
switch (target)
{
    case "shopify":
        storeId = (await host.AddStoreAsync(Platforms.Shopify, Deliveries.ShopDomain)).Id;
        request = n => Deliveries.Shopify(new Uri(host.BaseUrl, "webhooks/shopify"), n);
        status = 200;
        break;
    case "woocommerce":
        storeId = (await host.AddStoreAsync(Platforms.WooCommerce, "https://woo.bench.example")).Id;
        await host.SaveWebhookSecretAsync(storeId, Deliveries.WooCommerceSecret);
        request = n => Deliveries.WooCommerce(new Uri(host.BaseUrl, $"webhooks/woocommerce/{storeId}"), n);
        status = 200;
        break;
    default:
        // On a filled database the links are those of seeded messages drawn over the whole table, as the growth run clicks.
        Console.WriteLine("Seeding restore links ...");
        tokens = seeded is null
            ? await host.SeedRestoreTokensAsync(IntArg("--links", 500))
            : HotPaths.Tokens(host, await HotQueries.SampleAsync(host.Services, seeded, IntArg("--links", 500)));
        storeId = 0;
        request = n => new HttpRequestMessage(HttpMethod.Get, new Uri(host.BaseUrl, $"r/{tokens[n % tokens.Length]}"));
        status = 302;
        break;
}
var driver = new LoadDriver(http, connections);
Console.WriteLine($"Host ({engine}): {warmup} s warm-up, {seconds} s measured ...");
await driver.RunAsync(request, status, TimeSpan.FromSeconds(warmup));
var serverBefore = postgres is null ? null : Cpus.PostgresServerTime();
var real = await driver.RunAsync(request, status, TimeSpan.FromSeconds(seconds));
var serverCpu = postgres is null ? null : Cpus.PostgresServerTime() - serverBefore;
Console.WriteLine($"Host: {real.PerSecond:0} /s, p50 {real.Percentile(0.5):0.0} ms, p99 {real.Percentile(0.99):0.0} ms, {real.Errors} errors");

// 3. Exactly once: every accepted delivery stored once and processed once (one cart each); every redirect one click.
var check = await ExactlyOnce.CheckAsync(host, target, storeId, driver.Accepted);
Console.WriteLine(check.Summary);

var report = Report.Write(new Report.Run(target, engine, startedAt, loadAtStart, connections, seconds, warmup,
    command,
    floor, real, check, serverCpu));
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outPath))!);
await File.WriteAllTextAsync(outPath, report);
Console.WriteLine($"Written: {outPath}");
return real.Errors == 0 && check.Passed ? 0 : 1;

int IntArg(string name, int fallback) =>
    Array.IndexOf(args, name) is >= 0 and var i && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;

string? StringArg(string name, string? fallback) => Array.IndexOf(args, name) is >= 0 and var i && i + 1 < args.Length ? args[i + 1] : fallback;
