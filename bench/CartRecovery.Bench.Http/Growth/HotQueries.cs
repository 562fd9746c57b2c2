using System.Diagnostics;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Messages;
using CartRecovery.Core.Sequences;
using CartRecovery.Core.Sms;
using CartRecovery.Core.Stores;
using CartRecovery.Core.Suppression;
using CartRecovery.Core.Webhooks;
using Microsoft.Extensions.DependencyInjection;

namespace CartRecovery.Bench.Http.Growth;

/// <summary>
/// The hot queries of tests/CartRecovery.Data.Tests/Performance/QueryPlanContract.cs that read tables growing with the
/// carts, each through the real repository method that runs it, on keys of seeded rows drawn at random over the whole
/// table (a run that hit the same few rows would measure a warm cache, not the table's size). The signed-in session and
/// API key look-ups are left out: those tables grow with users, not carts.
/// </summary>
internal static class HotQueries
{
    public const int Rounds = 3;

    public sealed record Timing(string Name, int Ops, double WallMicrosPerOp, double CpuMicrosPerOp);

    /// <summary>Keys of seeded rows read once before the timing: carts (with their messages) at random over the table.</summary>
    public sealed record Sample(CartSeeder.SeededCart Keys, Cart Cart, IReadOnlyList<OutboundMessage> Messages);

    public static async Task<IReadOnlyList<Sample>> SampleAsync(IServiceProvider services, CartSeeder.Seeded seeded, int count)
    {
        var carts = services.GetRequiredService<ICartRepository>();
        var messages = services.GetRequiredService<IMessageRepository>();
        var random = new Random(17);
        var samples = new List<Sample>(count);
        while (samples.Count < count)
        {
            var keys = seeded.Cart(random.Next(1, seeded.Carts + 1));
            if (!keys.Abandoned)
                continue;
            var cart = await carts.GetAsync(keys.Id, CancellationToken.None) ?? throw new InvalidOperationException($"Seeded cart {keys.Id} is missing.");
            samples.Add(new(keys, cart, await messages.ListForCartAsync(keys.Id, CancellationToken.None)));
        }
        return samples;
    }

    public static async Task<IReadOnlyList<Timing>> MeasureAsync(IServiceProvider services, IReadOnlyList<Sample> samples, int ops)
    {
        var stores = services.GetRequiredService<IStoreRepository>();
        var carts = services.GetRequiredService<ICartRepository>();
        var messages = services.GetRequiredService<IMessageRepository>();
        var inbox = services.GetRequiredService<IWebhookInbox>();
        var suppressions = services.GetRequiredService<ISuppressionList>();
        var sms = services.GetRequiredService<ISmsSuppressionList>();
        var history = services.GetRequiredService<ICustomerHistory>();
        var ct = CancellationToken.None;
        var now = DateTimeOffset.UtcNow;
        // The account of every sample's store and the next one: the group a customer's history is read over.
        Func<Sample, long[]> group = s => [s.Keys.StoreId, s.Keys.StoreId + 1];
        var queries = new (string Name, Func<Sample, Task> Run)[]
        {
            ("ingest: store by platform and shop", s => stores.FindAsync(s.Keys.Platform, s.Keys.StoreExternalId, ct)),
            ("capture and SMS inbound: store by public key", s => stores.FindByPublicKeyAsync(s.Keys.StorePublicKey, ct)),
            ("processing: claim webhook deliveries", _ => inbox.ClaimAsync(now, now.AddMinutes(1), 100, ct)),
            ("processing: cart by store and checkout", s => carts.FindAsync(s.Keys.StoreId, s.Keys.ExternalId, ct)),
            ("processing: cart by any of its references", s => carts.FindByRefAsync(s.Keys.StoreId, s.Keys.Reference, ct)),
            ("processing: the customer's other open carts", s => carts.CloseReplacedAsync(s.Keys.Id, now, ct)),
            ("detection: idle carts", _ => carts.FindIdleAsync(now, 100, ct)),
            ("dispatch: claim due messages", _ => messages.ClaimDueAsync("growth-bench", now, TimeSpan.FromMinutes(5), 100, ct)),
            ("dispatch: claim messages whose lease ran out", _ => messages.ClaimExpiredAsync("growth-bench", now, TimeSpan.FromMinutes(5), 100, ct)),
            ("dispatch: is the address suppressed", s => suppressions.IsSuppressedAsync(s.Keys.StoreId, s.Keys.Email, ct)),
            ("dispatch: is the number suppressed", s => sms.IsSuppressedAsync(s.Keys.StoreId, s.Keys.Phone ?? "+15550000000", ct)),
            ("dispatch: the address's last offer and carts in the account", s => history.OfferHistoryAsync(s.Cart, group(s), now.AddDays(-30), ct)),
            ("redirect: message by id", s => messages.GetAsync(s.Messages[0].Id, ct)),
            ("redirect: cart by id", s => carts.GetAsync(s.Keys.Id, ct)),
            ("provider events: message by provider id", s => messages.FindByProviderIdAsync($"pm-{s.Keys.Id}-1", ct)),
            ("cart page: messages of a cart", s => messages.ListForCartAsync(s.Keys.Id, ct)),
            ("cart page: timeline of a cart", s => carts.GetTimelineAsync(s.Keys.Id, ct)),
        };

        // A first pass over every query warms the JIT (tiered compilation) and the connection pool on other keys than
        // the measured ones; then each query is timed in Rounds rounds and the quietest one kept: the machine is shared
        // and the host's jobs run meanwhile, and they only ever add time.
        foreach (var (_, run) in queries)
            for (var i = 0; i < Math.Max(50, ops / 4); i++)
                await run(samples[(samples.Count - 1 - i) % samples.Count]);
        var timings = new List<Timing>(queries.Length);
        using var process = Process.GetCurrentProcess();
        foreach (var (name, run) in queries)
        {
            var (bestWall, bestCpu) = (double.MaxValue, double.MaxValue);
            for (var round = 0; round < Rounds; round++)
            {
                process.Refresh();
                var cpu = process.TotalProcessorTime;
                var wall = Stopwatch.StartNew();
                for (var i = 0; i < ops; i++)
                    await run(samples[i % samples.Count]);
                var elapsed = wall.Elapsed;
                process.Refresh();
                bestWall = Math.Min(bestWall, elapsed.TotalMicroseconds / ops);
                bestCpu = Math.Min(bestCpu, (process.TotalProcessorTime - cpu).TotalMicroseconds / ops);
            }
            timings.Add(new(name, ops, bestWall, bestCpu));
        }
        return timings;
    }
}
