using CartRecovery.Core.Attribution;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Sequences;
using CartRecovery.Core.Stores;

namespace CartRecovery.Web.Tests;

/// <summary>
/// Writes abandoned carts enrolled in version 1 of a sequence, treated or held out by the Core's draw, through the
/// repositories: treated carts buy one time in four, held-out ones one time in twenty, each order 100.00.
/// </summary>
internal static class ControlGroupHistory
{
    public const long OrderMinor = 10_000;

    /// <summary>Returns how many carts went to each group.</summary>
    public static async Task<(int Treated, int Control)> SeedAsync(CartRecoveryAppFactory app, Store store, long sequenceId, int holdOutPercent,
        int count, CancellationToken ct)
    {
        var carts = app.Service<ICartRepository>();
        var now = app.Time.GetUtcNow();
        var (treated, control) = (0, 0);
        for (var i = 0; i < count; i++)
        {
            var line = new CartLine("Jacket", 1, OrderMinor);
            var snapshot = new CartSnapshot(store.Id, $"held-{sequenceId}-{i}", new CartContact($"held{i}@example.com"), [line], store.Currency,
                OrderMinor, OrderMinor, null, now, now);
            var cart = (await carts.UpsertAsync(snapshot, now, ct)).Cart;
            Assert.True(await carts.AbandonAsync(cart.Id, now, [], ct));
            var held = ControlGroup.IsControl(sequenceId, cart.Id, holdOutPercent);
            await carts.RecordSequenceAsync(cart.Id, sequenceId, 1, held, ct);
            var buys = held ? control++ % 20 == 0 : treated++ % 4 == 0;
            if (buys)
                await carts.ConvertAsync(new CartConversion(cart.Id, $"o-{cart.Id}", OrderMinor, now, Attribution.Unassisted), now, ct);
        }
        return (treated, control);
    }
}
