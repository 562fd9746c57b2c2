using CartRecovery.Connectors.Shopify.Checkouts;
using CartRecovery.Core.Carts;
using Moq;

namespace CartRecovery.Connectors.Tests.Shopify.Checkouts;

public sealed class ShopifyCartReporterTests
{
    private static ShopifyCartReporter Reporter(CartPorts ports, ShopifyTestKit kit) => new(ports.Ingestion(kit.Time));

    [Fact]
    public async Task ReportAsync_NewCheckout_KeepsItsOwnKey()
    {
        using var kit = new ShopifyTestKit(_ => Respond.Data(new { }));
        var ports = new CartPorts();

        await Reporter(ports, kit).ReportAsync(ShopifyCheckoutMapper.FromWebhook(1, ShopifyFixtures.Json("checkout_create.json")), TestContext.Current.CancellationToken);

        Assert.Equal("981820079255243537", Assert.Single(ports.Upserted).ExternalId);
    }

    [Fact]
    public async Task ReportAsync_CheckoutAlreadyPolledUnderItsId_JoinsThatCart()
    {
        using var kit = new ShopifyTestKit(_ => Respond.Data(new { }));
        var ports = new CartPorts();
        // The poller saw this checkout first: keyed by id, its recovery URL gave the cart token.
        var polled = CartPorts.Stored(5, "981820079255243999", new Dictionary<string, string>
        {
            ["id"] = "981820079255243999",
            ["recovery_token"] = "hWN7nBmTq3rQp8XzS2vLk4Yd",
        });
        ports.Known.Add(polled);

        // A webhook without id (keyed by token) for the same checkout.
        await Reporter(ports, kit).ReportAsync(ShopifyCheckoutMapper.FromWebhook(1, ShopifyFixtures.Json("checkout_create_without_id.json")), TestContext.Current.CancellationToken);

        var upserted = Assert.Single(ports.Upserted);
        Assert.Equal("981820079255243999", upserted.ExternalId);
        Assert.Equal("5d41402abc4b2a76b9719d911017c592", upserted.PlatformRefs["token"]);
    }

    [Fact]
    public async Task ReportAsync_CartKnownUnderItsOwnKey_IsNotReKeyed()
    {
        using var kit = new ShopifyTestKit(_ => Respond.Data(new { }));
        var ports = new CartPorts();
        // An older cart shares this checkout's cart token and has no checkout id to tell them apart: it would be joined
        // if the checkout's own cart were not found first.
        ports.Known.Add(CartPorts.Stored(2, "cart-token-only", new Dictionary<string, string> { ["cart_token"] = "eeafa272cebfd4b22385bc4b645e762c" }));
        ports.Known.Add(CartPorts.Stored(3, "981820079255243537", Cart.NoRefs));

        await Reporter(ports, kit).ReportAsync(ShopifyCheckoutMapper.FromWebhook(1, ShopifyFixtures.Json("checkout_create.json")), TestContext.Current.CancellationToken);

        Assert.Equal("981820079255243537", Assert.Single(ports.Upserted).ExternalId);
    }

    [Fact]
    public async Task ReportAsync_LooksTheCheckoutUpInTheMergesOwnTransaction()
    {
        using var kit = new ShopifyTestKit(_ => Respond.Data(new { }));
        var ports = new CartPorts();
        var snapshot = ShopifyCheckoutMapper.FromWebhook(1, ShopifyFixtures.Json("checkout_create.json"));

        await Reporter(ports, kit).ReportAsync(snapshot, TestContext.Current.CancellationToken);

        ports.Carts.Verify(c => c.UpsertAlignedAsync(snapshot, It.IsAny<Func<CartSnapshot, IReadOnlyList<CartRefMatch>, CartSnapshot>>(),
            It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Once);
        ports.Carts.Verify(c => c.FindByRefsAsync(It.IsAny<long>(), It.IsAny<IReadOnlyCollection<string>>(), It.IsAny<CancellationToken>()), Times.Never);
        ports.Carts.Verify(c => c.FindAsync(It.IsAny<long>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
        ports.Carts.Verify(c => c.FindByRefAsync(It.IsAny<long>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task ReportAsync_SameCartTokenButAnotherCheckoutId_StartsItsOwnCart()
    {
        using var kit = new ShopifyTestKit(_ => Respond.Data(new { }));
        var ports = new CartPorts();
        var earlier = CartPorts.Stored(4, "981820079255240000", new Dictionary<string, string>
        {
            ["id"] = "981820079255240000",
            ["cart_token"] = "eeafa272cebfd4b22385bc4b645e762c",
        });
        ports.Known.Add(earlier);

        await Reporter(ports, kit).ReportAsync(ShopifyCheckoutMapper.FromWebhook(1, ShopifyFixtures.Json("checkout_create.json")), TestContext.Current.CancellationToken);

        Assert.Equal("981820079255243537", Assert.Single(ports.Upserted).ExternalId);
    }
}
