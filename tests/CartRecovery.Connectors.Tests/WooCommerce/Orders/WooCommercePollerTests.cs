using CartRecovery.Connectors.Tests.WooCommerce.Support;
using CartRecovery.Connectors.WooCommerce;
using CartRecovery.Connectors.WooCommerce.Api;
using CartRecovery.Connectors.WooCommerce.Connect;
using CartRecovery.Connectors.WooCommerce.Orders;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Stores;
using CartRecovery.Testing.Emulators.WooCommerce;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CartRecovery.Connectors.Tests.WooCommerce.Orders;

public sealed class WooCommercePollerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly DateTimeOffset Start = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddHours(-6).ToUnixTimeSeconds());

    [Fact]
    public async Task Poll_PendingAndFailedOrders_BecomeCartsWithTheirOrderPayLinks()
    {
        await using var kit = await WooCommerceTestKit.StartAsync();
        var (store, _) = await kit.SeedStoreAsync();
        var pending = kit.Emulator.AddOrder(o => o.Modified(Start));
        var failed = kit.Emulator.AddOrder(o => o.Status("failed").Modified(Start.AddSeconds(1)));

        var reported = await kit.Get<WooCommercePoller>().PollAsync(store, Ct);

        Assert.Equal(2, reported);
        var cart = kit.Carts.Find(pending.ToString(System.Globalization.CultureInfo.InvariantCulture))!;
        Assert.Equal(kit.Emulator.GetOrder(pending)["payment_url"]!.GetValue<string>(), cart.RestoreUrl);
        Assert.NotNull(kit.Carts.Find(failed.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task Poll_AcrossRestarts_ReadsEveryOrderExactlyOnce()
    {
        await using var kit = await WooCommerceTestKit.StartAsync(configure: o => o.MaxPagesPerPoll = 1);
        var (store, _) = await kit.SeedStoreAsync();
        for (var i = 0; i < 250; i++)
            kit.Emulator.AddOrder(o => o.Modified(Start.AddSeconds(i)));

        // A new poller per pass: nothing survives a restart but the connector state store.
        var passes = new List<int>();
        for (var pass = 0; pass < 4; pass++)
            passes.Add(await NewPoller(kit).PollAsync(store, Ct));

        // Each pass re-asks from the cursor's second (modified_after is exclusive) and skips the id it already has there.
        Assert.Equal([100, 99, 51, 0], passes);
        Assert.Equal(250, kit.Carts.Upserts.Count);
        Assert.Equal(250, kit.Carts.Upserts.Select(u => u.ExternalId).Distinct().Count());
    }

    [Fact]
    public async Task Poll_MoreOrdersInOneSecondThanAPage_ContinuesAfterARestartWithoutSkipping()
    {
        await using var kit = await WooCommerceTestKit.StartAsync(configure: o => o.MaxPagesPerPoll = 1);
        var (store, _) = await kit.SeedStoreAsync();
        for (var i = 0; i < 150; i++)
            kit.Emulator.AddOrder(o => o.Modified(Start));

        var first = await NewPoller(kit).PollAsync(store, Ct);
        var second = await NewPoller(kit).PollAsync(store, Ct);
        var third = await NewPoller(kit).PollAsync(store, Ct);

        Assert.Equal((100, 50, 0), (first, second, third));
        Assert.Equal(150, kit.Carts.Upserts.Select(u => u.ExternalId).Distinct().Count());
        Assert.Equal(150, kit.Carts.Upserts.Count);
    }

    [Fact]
    public async Task Poll_SavesTheCursorAsTheLastSecondAndItsIds()
    {
        await using var kit = await WooCommerceTestKit.StartAsync();
        var (store, _) = await kit.SeedStoreAsync();
        kit.Emulator.AddOrder(o => o.Modified(Start));
        var b = kit.Emulator.AddOrder(o => o.Modified(Start.AddSeconds(5)));
        var c = kit.Emulator.AddOrder(o => o.Modified(Start.AddSeconds(5)));

        await kit.Get<WooCommercePoller>().PollAsync(store, Ct);

        Assert.Equal($"{Start.AddSeconds(5).UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}|{b},{c}", kit.Stores.State(store.Id, WooCommercePoller.CursorStateKey));
    }

    [Fact]
    public async Task Poll_OrderPaidAfterItWasRead_IsReadAgainAndConvertsItsCart()
    {
        await using var kit = await WooCommerceTestKit.StartAsync();
        var (store, _) = await kit.SeedStoreAsync();
        var id = kit.Emulator.AddOrder(o => o.Modified(Start));
        var poller = kit.Get<WooCommercePoller>();
        await poller.PollAsync(store, Ct);

        kit.Emulator.SetOrderStatus(id, "processing", Start.AddMinutes(3));
        var reported = await poller.PollAsync(store, Ct);

        Assert.Equal(1, reported);
        var cart = kit.Carts.Find(id.ToString(System.Globalization.CultureInfo.InvariantCulture))!;
        Assert.Equal(CartStatus.ConvertedUnassisted, cart.Status);
        Assert.Equal(Start.AddMinutes(3), cart.ConvertedAt);
    }

    [Fact]
    public async Task Poll_OrderCancelledAfterItWasRead_ExpiresItsCart()
    {
        await using var kit = await WooCommerceTestKit.StartAsync();
        var (store, _) = await kit.SeedStoreAsync();
        var id = kit.Emulator.AddOrder(o => o.Modified(Start));
        var poller = kit.Get<WooCommercePoller>();
        await poller.PollAsync(store, Ct);

        kit.Emulator.SetOrderStatus(id, "cancelled", Start.AddHours(1));
        await poller.PollAsync(store, Ct);

        Assert.Equal(CartStatus.Expired, kit.Carts.Find(id.ToString(System.Globalization.CultureInfo.InvariantCulture))!.Status);
    }

    [Fact]
    public async Task Poll_ShopWithoutCheckoutDrafts_FallsBackOnceAndRemembers()
    {
        await using var kit = await WooCommerceTestKit.StartAsync(new WooCommerceEmulatorOptions { HomeUrl = WooCommerceTestKit.DefaultHome, SupportsCheckoutDraft = false });
        var (store, _) = await kit.SeedStoreAsync();
        kit.Emulator.AddOrder(o => o.Modified(Start));
        var poller = kit.Get<WooCommercePoller>();

        var first = await poller.PollAsync(store, Ct);
        kit.Emulator.AddOrder(o => o.Modified(Start.AddSeconds(10)));
        var second = await poller.PollAsync(store, Ct);

        Assert.Equal((1, 1), (first, second));
        Assert.Equal("unsupported", kit.Stores.State(store.Id, WooCommercePoller.DraftsStateKey));
        Assert.Equal([400, 200, 200], kit.Emulator.Requests.Select(r => r.StatusCode));
        Assert.DoesNotContain("checkout-draft", kit.Emulator.Requests[^1].Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Poll_AsksForDraftsAndConversionsExplicitly()
    {
        await using var kit = await WooCommerceTestKit.StartAsync();
        var (store, _) = await kit.SeedStoreAsync();

        await kit.Get<WooCommercePoller>().PollAsync(store, Ct);

        Assert.Contains("status=pending%2Cfailed%2Ccheckout-draft%2Cprocessing%2Ccompleted%2Con-hold%2Ccancelled", kit.Emulator.Requests.Single().Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Poll_UninstalledStore_DoesNotCallTheShop()
    {
        await using var kit = await WooCommerceTestKit.StartAsync();
        var (store, _) = await kit.SeedStoreAsync(status: StoreStatus.Uninstalled);
        kit.Emulator.AddOrder();

        Assert.Equal(0, await kit.Get<WooCommercePoller>().PollAsync(store, Ct));
        Assert.Empty(kit.Emulator.Requests);
    }

    [Fact]
    public async Task Poll_WhenTheShopIsDown_ThrowsAndKeepsTheCursor()
    {
        await using var kit = await WooCommerceTestKit.StartAsync(configure: o => o.MaxRetries = 1);
        var (store, _) = await kit.SeedStoreAsync();
        kit.Emulator.AddOrder(o => o.Modified(Start));
        kit.Emulator.FailNext(2, 502);

        await Assert.ThrowsAsync<WooCommerceApiException>(() => kit.Get<WooCommercePoller>().PollAsync(store, Ct));

        Assert.Null(kit.Stores.State(store.Id, WooCommercePoller.CursorStateKey));
        Assert.Empty(kit.Carts.All);
    }

    private static WooCommercePoller NewPoller(WooCommerceTestKit kit) => new(
        kit.Get<WooCommerceClient>(),
        kit.Get<WooCommerceStoreConnections>(),
        kit.Get<WooCommerceOrderIngestion>(),
        kit.Stores,
        kit.Get<IOptions<WooCommerceOptions>>(),
        TimeProvider.System,
        NullLogger<WooCommercePoller>.Instance);
}
