using System.Globalization;
using CartRecovery.Connectors.Tests.WooCommerce.Support;
using CartRecovery.Core.CrossSell;
using CartRecovery.Core.Stores;

namespace CartRecovery.Connectors.Tests.WooCommerce.CrossSell;

/// <summary>A product's related products read from the WooCommerce emulator: cross-sells, upsells, related, in that order.</summary>
public sealed class WooCommerceRelatedProductsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static IRelatedProductSource Source(WooCommerceTestKit kit) =>
        kit.Get<IEnumerable<IRelatedProductSource>>().Single(s => s.Platform == Platforms.WooCommerce);

    [Fact]
    public async Task Get_GivesCrossSellsThenUpsellsThenRelated_PublishedAndInStock_WithDecodedNamesAndMinorPrices()
    {
        await using var kit = await WooCommerceTestKit.StartAsync();
        var (store, _) = await kit.SeedStoreAsync();
        var socks = kit.Emulator.AddProduct("Socks & Liners", "12.50", imageUrl: "https://shop.example/socks.jpg");
        var pack = kit.Emulator.AddProduct("Day pack", "89.00");
        var soldOut = kit.Emulator.AddProduct("Gaiters", "30.00", stockStatus: "outofstock");
        var beanie = kit.Emulator.AddProduct("Beanie", "19.90");
        var boots = kit.Emulator.AddProduct("Trail boots", "145.00", crossSells: [socks, soldOut], upsells: [pack], related: [beanie, socks]);

        var related = await Source(kit).GetAsync(store, boots.ToString(CultureInfo.InvariantCulture), Ct);

        Assert.Equal(["Socks & Liners", "Day pack", "Beanie"], related.Select(p => p.Title));
        Assert.Equal([1250L, 8900L, 1990L], related.Select(p => p.PriceMinor));
        Assert.Equal(("https://shop.example/socks.jpg", null), (related[0].ImageUrl, related[1].ImageUrl));
        Assert.All(related, p => Assert.Equal((store.Currency, true), (p.Currency, p.Url.Contains("/product/", StringComparison.Ordinal))));
        Assert.Equal(2, kit.Emulator.Requests.Count(r => r.Path.Contains("/wc/v3/products", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Get_AnUnknownProductOrOneWithoutRelations_GivesNone()
    {
        await using var kit = await WooCommerceTestKit.StartAsync();
        var (store, _) = await kit.SeedStoreAsync();
        var alone = kit.Emulator.AddProduct("Map", "9.00");

        Assert.Empty(await Source(kit).GetAsync(store, "999", Ct));
        Assert.Empty(await Source(kit).GetAsync(store, alone.ToString(CultureInfo.InvariantCulture), Ct));
        Assert.Empty(await Source(kit).GetAsync(store, "not-a-number", Ct));
    }

    [Fact]
    public async Task Get_WhenTheShopFails_Throws_SoTheCacheRemembersTheFailure()
    {
        await using var kit = await WooCommerceTestKit.StartAsync();
        var (store, _) = await kit.SeedStoreAsync();
        var boots = kit.Emulator.AddProduct("Trail boots", "145.00", related: [kit.Emulator.AddProduct("Beanie", "19.90")]);
        kit.Emulator.FailNext(5, 503);

        await Assert.ThrowsAnyAsync<Exception>(() => Source(kit).GetAsync(store, boots.ToString(CultureInfo.InvariantCulture), Ct));
    }
}
