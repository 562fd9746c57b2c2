using CartRecovery.Bench.Http.Growth;
using CartRecovery.Core.Restore;
using CartRecovery.Core.Stores;
using Microsoft.Extensions.DependencyInjection;

namespace CartRecovery.Bench.Http;

/// <summary>
/// The three HTTP paths the growth and memory runs drive, as <c>--target shopify|woocommerce|redirect</c> drive them:
/// Shopify ingest, WooCommerce ingest and the restore redirect (the links of sampled messages).
/// </summary>
internal sealed class HotPaths(BenchHost database, long wooStoreId, string[] tokens)
{
    public const int RedirectRounds = 3;

    /// <summary>One path's measured load; the CPU per request with processing runs on until the inbox was drained.</summary>
    public sealed record Result(string Name, LoadResult Load, double CpuMicrosWithProcessing, TimeSpan Drain);

    /// <summary>Adds the two stores the webhooks go to and signs a restore link for each of <paramref name="samples"/>.</summary>
    public static async Task<HotPaths> SetUpAsync(BenchHost database, IReadOnlyList<HotQueries.Sample> samples)
    {
        await database.AddStoreAsync(Platforms.Shopify, Deliveries.ShopDomain);
        var woo = await database.AddStoreAsync(Platforms.WooCommerce, "https://woo.bench.example");
        await database.SaveWebhookSecretAsync(woo.Id, Deliveries.WooCommerceSecret);
        return new(database, woo.Id, Tokens(database, samples));
    }

    /// <summary>A restore link for the first message of each sample.</summary>
    public static string[] Tokens(BenchHost database, IReadOnlyList<HotQueries.Sample> samples)
    {
        var signer = database.Services.GetRequiredService<LinkTokenSigner>();
        var expires = DateTimeOffset.UtcNow.AddDays(7);
        return [.. samples.Select(s => signer.Issue(TokenPurpose.Restore, s.Messages[0].Id, expires))];
    }

    /// <summary>
    /// Drives each path at <paramref name="baseUrl"/>: warm-up, then the measured load. For an ingest path the inbox is
    /// drained after each, so the processing of the warm-up is not counted and the CPU with processing (read by
    /// <paramref name="cpu"/>: the process serving the paths) runs from the load's start to the drain. <paramref name="measured"/>
    /// takes each path's result as soon as it is measured.
    /// </summary>
    public async Task<List<T>> DriveAsync<T>(Uri baseUrl, HttpClient http, int connections, int warmup, int seconds, Func<TimeSpan> cpu,
        Func<Result, T> measured)
    {
        (string Name, string? Platform, Func<long, HttpRequestMessage> Request, int Status)[] paths =
        [
            ("Shopify ingest", "shopify", n => Deliveries.Shopify(new Uri(baseUrl, "webhooks/shopify"), n), 200),
            ("WooCommerce ingest", "woocommerce", n => Deliveries.WooCommerce(new Uri(baseUrl, $"webhooks/woocommerce/{wooStoreId}"), n), 200),
            ("Restore redirect", null, n => new HttpRequestMessage(HttpMethod.Get, new Uri(baseUrl, $"r/{tokens[n % tokens.Length]}")), 302),
        ];
        var results = new List<T>();
        foreach (var (name, platform, request, status) in paths)
        {
            var driver = new LoadDriver(http, connections);
            await driver.RunAsync(request, status, TimeSpan.FromSeconds(warmup));
            if (platform is not null)
                await ExactlyOnce.DrainAsync(database, platform);
            // The redirect has no processing to wait for: it is measured RedirectRounds times and the quietest kept, as
            // the queries are (the machine is shared and the host's jobs run meanwhile; they only ever add time).
            Result? quietest = null;
            for (var round = 0; round < (platform is null ? RedirectRounds : 1); round++)
            {
                var before = cpu();
                var load = await driver.RunAsync(request, status, TimeSpan.FromSeconds(seconds));
                var drain = platform is null ? TimeSpan.Zero : await ExactlyOnce.DrainAsync(database, platform);
                var used = (cpu() - before).TotalMicroseconds / Math.Max(1, load.Ok + load.Errors);
                if (quietest is null || used < quietest.CpuMicrosWithProcessing)
                    quietest = new(name, load, used, drain);
            }
            results.Add(measured(quietest!));
        }
        return results;
    }
}
