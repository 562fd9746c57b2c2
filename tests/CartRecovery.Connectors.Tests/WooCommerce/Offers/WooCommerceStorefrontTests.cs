using System.Globalization;
using System.Text.Json.Nodes;
using CartRecovery.Connectors.Tests.WooCommerce.Support;
using CartRecovery.Connectors.WooCommerce.Api;
using CartRecovery.Connectors.WooCommerce.Offers;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Sequences;
using CartRecovery.Core.Storefronts;
using CartRecovery.Core.Stores;
using CartRecovery.Testing;

namespace CartRecovery.Connectors.Tests.WooCommerce.Offers;

public sealed class WooCommerceStorefrontTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly DateTimeOffset Expires = new(2026, 11, 29, 17, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task IssueOffer_Percentage_CreatesASingleUsePersonalExpiringCoupon()
    {
        await using var kit = await WooCommerceTestKit.StartAsync();
        var (store, _) = await kit.SeedStoreAsync();

        var offer = await kit.Get<WooCommerceStorefront>().IssueOfferAsync(store, Cart(store), new OfferSpec(OfferKind.Percentage, 10, TimeSpan.FromDays(7)), Expires, Ct);

        Assert.Matches("^CR-[A-HJ-NP-Z2-9]{8}$", offer.Code);
        Assert.Equal(("10% off", Expires), (offer.Description, offer.ExpiresAt));
        var sent = Assert.Single(kit.Emulator.Coupons).Request;
        Assert.Equal(offer.Code, Text(sent, "code"));
        Assert.Equal(("percent", "10", "2026-11-29T17:00:00"), (Text(sent, "discount_type"), Text(sent, "amount"), Text(sent, "date_expires_gmt")));
        Assert.Equal((1, 1), (sent["usage_limit"]!.GetValue<int>(), sent["usage_limit_per_user"]!.GetValue<int>()));
        Assert.True(sent["individual_use"]!.GetValue<bool>());
        Assert.False(sent["free_shipping"]!.GetValue<bool>());
        Assert.Equal(["anna@example.com"], sent["email_restrictions"]!.AsArray().Select(e => e!.GetValue<string>()));
        Assert.DoesNotContain("anna", Text(sent, "description"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task IssueOffer_FixedAmount_SendsMajorUnitsOfTheCartsCurrency()
    {
        await using var kit = await WooCommerceTestKit.StartAsync();
        var (store, _) = await kit.SeedStoreAsync();

        var offer = await kit.Get<WooCommerceStorefront>().IssueOfferAsync(store, Cart(store), new OfferSpec(OfferKind.FixedAmount, 500, TimeSpan.FromDays(7)), Expires, Ct);

        var sent = Assert.Single(kit.Emulator.Coupons).Request;
        Assert.Equal(("fixed_cart", "5.00"), (Text(sent, "discount_type"), Text(sent, "amount")));
        Assert.Equal("€5.00 off", offer.Description);
    }

    [Fact]
    public async Task IssueOffer_FreeShipping_SetsTheFlagWithoutADiscount()
    {
        await using var kit = await WooCommerceTestKit.StartAsync();
        var (store, _) = await kit.SeedStoreAsync();

        await kit.Get<WooCommerceStorefront>().IssueOfferAsync(store, Cart(store), new OfferSpec(OfferKind.FreeShipping, 0, TimeSpan.FromDays(7)), Expires, Ct);

        var sent = Assert.Single(kit.Emulator.Coupons).Request;
        Assert.Equal(("fixed_cart", "0"), (Text(sent, "discount_type"), Text(sent, "amount")));
        Assert.True(sent["free_shipping"]!.GetValue<bool>());
    }

    [Fact]
    public async Task IssueOffer_CodeAlreadyTaken_RetriesWithAnotherCode()
    {
        await using var kit = await WooCommerceTestKit.StartAsync();
        var (store, _) = await kit.SeedStoreAsync();
        kit.Emulator.FailNext(1, 400, "woocommerce_rest_coupon_code_already_exists", "The coupon code already exists");

        var offer = await kit.Get<WooCommerceStorefront>().IssueOfferAsync(store, Cart(store), new OfferSpec(OfferKind.Percentage, 10, TimeSpan.FromDays(7)), Expires, Ct);

        Assert.Equal(2, kit.Emulator.Requests.Count(r => r.Path.EndsWith("/coupons", StringComparison.Ordinal)));
        Assert.Equal(offer.Code.ToLowerInvariant(), Assert.Single(kit.Emulator.Coupons).Code);
        Assert.NotEqual(Text(ParseBody(kit.Emulator.Requests[0].Body), "code"), offer.Code);
    }

    [Fact]
    public async Task IssueOffer_CodeTakenEveryTime_GivesUpAfterThreeAttempts()
    {
        await using var kit = await WooCommerceTestKit.StartAsync();
        var (store, _) = await kit.SeedStoreAsync();
        kit.Emulator.FailNext(3, 400, "woocommerce_rest_coupon_code_already_exists", "The coupon code already exists");

        var error = await Assert.ThrowsAsync<WooCommerceApiException>(() =>
            kit.Get<WooCommerceStorefront>().IssueOfferAsync(store, Cart(store), new OfferSpec(OfferKind.Percentage, 10, TimeSpan.FromDays(7)), Expires, Ct));

        Assert.Equal("woocommerce_rest_coupon_code_already_exists", error.ErrorCode);
        Assert.Equal(3, kit.Emulator.Requests.Count);
    }

    [Fact]
    public void BuildRestoreUrl_OrderCart_IsTheOrderPayLinkBecauseOrderPayTakesNoCoupon()
    {
        var store = WooCommerceFixtures.Store();
        var cart = Cart(store) with { RestoreUrl = "https://shop.test/checkout/order-pay/4711/?pay_for_order=true&key=wc_order_x" };

        var url = Storefront().BuildRestoreUrl(store, cart, "CR-ABCDEFGH");

        Assert.Equal("https://shop.test/checkout/order-pay/4711/?pay_for_order=true&key=wc_order_x", url.AbsoluteUri);
    }

    [Fact]
    public void BuildRestoreUrl_CapturedCartWithCheckoutLink_AppliesTheCoupon()
    {
        var store = WooCommerceFixtures.Store();
        var cart = Cart(store) with { ExternalId = "capture:abcdefgh12", RestoreUrl = "https://shop.test/checkout-link/?products=93:1,41:2" };

        Assert.Equal("https://shop.test/checkout-link/?products=93:1,41:2&coupon=CR-ABCDEFGH", Storefront().BuildRestoreUrl(store, cart, "CR-ABCDEFGH").AbsoluteUri);
        Assert.Equal("https://shop.test/checkout-link/?products=93:1,41:2", Storefront().BuildRestoreUrl(store, cart, null).AbsoluteUri);
    }

    [Fact]
    public void BuildRestoreUrl_CapturedCartOnAnOlderShop_KeepsTheAddToCartLinkAndTheEmailShowsTheCode()
    {
        var store = WooCommerceFixtures.Store();
        var cart = Cart(store) with { ExternalId = "capture:abcdefgh12", RestoreUrl = "https://shop.test/?add-to-cart=93&quantity=1" };

        Assert.Equal("https://shop.test/?add-to-cart=93&quantity=1", Storefront().BuildRestoreUrl(store, cart, "CR-ABCDEFGH").AbsoluteUri);
    }

    [Theory]
    [InlineData("processing", StorefrontCartState.Ordered)]
    [InlineData("completed", StorefrontCartState.Ordered)]
    [InlineData("cancelled", StorefrontCartState.Gone)]
    [InlineData("trash", StorefrontCartState.Gone)]
    [InlineData("pending", StorefrontCartState.Open)]
    [InlineData("failed", StorefrontCartState.Open)]
    public async Task CheckCart_AsksTheShopAboutTheOrder(string status, StorefrontCartState expected)
    {
        await using var kit = await WooCommerceTestKit.StartAsync();
        var (store, _) = await kit.SeedStoreAsync();
        var id = kit.Emulator.AddOrder(o => o.Status(status));

        Assert.Equal(expected, await kit.Get<WooCommerceStorefront>().CheckCartAsync(store, Cart(store, id), Ct));
    }

    [Fact]
    public async Task CheckCart_OrderDeletedFromTheShop_IsGone()
    {
        await using var kit = await WooCommerceTestKit.StartAsync();
        var (store, _) = await kit.SeedStoreAsync();
        var id = kit.Emulator.AddOrder(o => o.Status("checkout-draft"));
        kit.Emulator.DeleteOrder(id);

        Assert.Equal(StorefrontCartState.Gone, await kit.Get<WooCommerceStorefront>().CheckCartAsync(store, Cart(store, id), Ct));
    }

    [Fact]
    public async Task CheckCart_ShopUnreachable_AssumesOpen()
    {
        await using var kit = await WooCommerceTestKit.StartAsync(configure: o => o.MaxRetries = 1);
        var (store, _) = await kit.SeedStoreAsync();
        kit.Emulator.FailNext(2, 500);

        Assert.Equal(StorefrontCartState.Open, await kit.Get<WooCommerceStorefront>().CheckCartAsync(store, Cart(store, 4711), Ct));
    }

    [Fact]
    public async Task CheckCart_CapturedCart_IsOpenWithoutAskingTheShop()
    {
        await using var kit = await WooCommerceTestKit.StartAsync();
        var (store, _) = await kit.SeedStoreAsync();

        Assert.Equal(StorefrontCartState.Open, await kit.Get<WooCommerceStorefront>().CheckCartAsync(store, Cart(store) with { ExternalId = "capture:abcdefgh12" }, Ct));
        Assert.Empty(kit.Emulator.Requests);
    }

    private static Cart Cart(Store store, long orderId = 4711) => TestData.Cart() with
    {
        StoreId = store.Id,
        ExternalId = orderId.ToString(CultureInfo.InvariantCulture),
    };

    private static WooCommerceStorefront Storefront() => new(null!, null!, Microsoft.Extensions.Logging.Abstractions.NullLogger<WooCommerceStorefront>.Instance);

    private static string? Text(JsonObject json, string name) => json[name]?.GetValue<string>();

    private static JsonObject ParseBody(string body) => JsonNode.Parse(body)!.AsObject();
}
