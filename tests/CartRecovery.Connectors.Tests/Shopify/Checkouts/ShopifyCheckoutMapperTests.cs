using System.Text.Json;
using CartRecovery.Connectors.Shopify.Checkouts;
using CartRecovery.Core.Carts;

namespace CartRecovery.Connectors.Tests.Shopify.Checkouts;

public sealed class ShopifyCheckoutMapperTests
{
    // Above 2^53: a double would round this to ...243520.
    private const string CheckoutId = "981820079255243537";

    private static CartSnapshot Webhook(string fixture) => ShopifyCheckoutMapper.FromWebhook(1, ShopifyFixtures.Json(fixture));

    private static CartSnapshot Polled(int index) => ShopifyCheckoutMapper.FromGraphQl(1, ShopifyFixtures.CheckoutNodes("abandoned_checkouts_page1.json")[index]);

    [Fact]
    public void FromWebhook_Checkout_KeysOnTheNumericIdWithoutPrecisionLoss()
    {
        var snapshot = Webhook("checkout_create.json");
        Assert.Equal(CheckoutId, snapshot.ExternalId);
        Assert.Equal(1, snapshot.StoreId);
    }

    [Fact]
    public void FromWebhook_Checkout_KeepsEveryIdentifierAsRefs()
    {
        var refs = Webhook("checkout_create.json").PlatformRefs;
        Assert.Equal(CheckoutId, refs["id"]);
        Assert.Equal("b1946ac92492d2347c6235b4d2611184", refs["token"]);
        Assert.Equal("eeafa272cebfd4b22385bc4b645e762c", refs["cart_token"]);
        Assert.Equal("gid://shopify/AbandonedCheckout/" + CheckoutId, refs["gid"]);
        // The recovery URL's token is the checkout token here, already a ref under its own name.
        Assert.False(refs.ContainsKey("recovery_token"));
    }

    [Fact]
    public void FromWebhook_MoneyStrings_BecomeMinorUnits()
    {
        var snapshot = Webhook("checkout_create.json");
        Assert.Equal("USD", snapshot.Currency);
        Assert.Equal(12970, snapshot.SubtotalMinor);
        Assert.Equal(13970, snapshot.TotalMinor);
        Assert.Null(snapshot.PresentmentCurrency);
        Assert.Null(snapshot.PresentmentTotalMinor);
    }

    [Fact]
    public void FromWebhook_Lines_CarryIdsSkuTitlesQuantitiesAndPrices()
    {
        var lines = Webhook("checkout_create.json").Lines;
        Assert.Equal(2, lines.Count);
        Assert.Equal(new CartLine("Linen Shirt", 2, 4990, "788032119674292922", "642667041472713922", "LIN-SHIRT-BL-M", "Blue / M"), lines[0]);
        Assert.Equal(new CartLine("Merino Socks", 1, 2990, "632910392891054217", "457924702217381134", "MER-SOCK-01", null), lines[1]);
    }

    [Fact]
    public void FromWebhook_Checkout_MapsContactRestoreUrlAndTimes()
    {
        var snapshot = Webhook("checkout_create.json");
        Assert.Equal(new CartContact("anna.berg@example.com", "+1 207-555-0142", "Anna", "Berg", "en-US", true, "US", AcceptsSms: false), snapshot.Contact);
        Assert.Equal("https://maple-goods.example.com/73528852512/checkouts/b1946ac92492d2347c6235b4d2611184/recover?key=4f1c1e0a6b8d2e7f93a1", snapshot.RestoreUrl);
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 15, 12, 31, TimeSpan.Zero), snapshot.CreatedAt);
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 15, 20, 4, TimeSpan.Zero), snapshot.UpdatedAt);
        Assert.Equal(TimeSpan.Zero, snapshot.UpdatedAt.Offset);
    }

    [Fact]
    public void FromWebhook_NoTopLevelId_KeysOnTheCheckoutToken()
    {
        var snapshot = Webhook("checkout_create_without_id.json");
        Assert.Equal("5d41402abc4b2a76b9719d911017c592", snapshot.ExternalId);
        Assert.False(snapshot.PlatformRefs.ContainsKey("id"));
        Assert.Equal("hWN7nBmTq3rQp8XzS2vLk4Yd", snapshot.PlatformRefs["cart_token"]);
    }

    [Fact]
    public void FromWebhook_GuestWithoutEmail_StillProducesASnapshot()
    {
        var snapshot = Webhook("checkout_create_without_id.json");
        Assert.Null(snapshot.Contact.Email);
        Assert.False(snapshot.Contact.CanBeEmailed);
        Assert.Equal("fr-CA", snapshot.Contact.Locale);
        Assert.False(snapshot.Contact.AcceptsMarketing);
        Assert.Equal(4990, snapshot.TotalMinor);
        Assert.Single(snapshot.Lines);
    }

    [Fact]
    public void FromWebhook_PresentmentCurrencyDiffers_KeepsAmountsInTheCurrencyTheyAreIn()
    {
        // REST checkout amounts are in the presentment currency: 55.04 is euros, not dollars.
        var snapshot = Webhook("checkout_update_presentment.json");
        Assert.Equal("EUR", snapshot.Currency);
        Assert.Equal(5504, snapshot.TotalMinor);
        Assert.Equal(4625, snapshot.Lines[0].UnitPriceMinor);
        Assert.Equal("EUR", snapshot.PresentmentCurrency);
        Assert.Equal(5504, snapshot.PresentmentTotalMinor);
    }

    [Fact]
    public void FromWebhook_ZeroDecimalCurrency_UsesItsMinorUnits()
    {
        var json = """
            {"token":"t1","currency":"JPY","presentment_currency":"JPY","created_at":"2026-11-22T10:00:00Z",
             "total_price":"4500","subtotal_price":"4500","line_items":[{"title":"Tea","quantity":3,"price":"1500"}]}
            """;
        var snapshot = ShopifyCheckoutMapper.FromWebhook(1, JsonDocument.Parse(json).RootElement);
        Assert.Equal(4500, snapshot.TotalMinor);
        Assert.Equal(1500, snapshot.Lines[0].UnitPriceMinor);
    }

    [Fact]
    public void FromWebhook_IdAsString_IsReadExactly()
    {
        var json = """{"id":"981820079255243537","currency":"USD","created_at":"2026-11-22T10:00:00Z","line_items":[]}""";
        Assert.Equal(CheckoutId, ShopifyCheckoutMapper.FromWebhook(1, JsonDocument.Parse(json).RootElement).ExternalId);
    }

    [Fact]
    public void FromWebhook_NoIdentifierAtAll_Throws()
    {
        var json = """{"currency":"USD","created_at":"2026-11-22T10:00:00Z","line_items":[]}""";
        Assert.Throws<FormatException>(() => ShopifyCheckoutMapper.FromWebhook(1, JsonDocument.Parse(json).RootElement));
    }

    [Fact]
    public void FromGraphQl_SameCheckoutAsTheWebhook_YieldsTheSameExternalId() =>
        Assert.Equal(Webhook("checkout_create.json").ExternalId, Polled(0).ExternalId);

    [Fact]
    public void FromGraphQl_SameCheckoutAsTheWebhook_SharesRefsThatOrdersAndDeletesUse()
    {
        var polled = Polled(0).PlatformRefs;
        var webhook = Webhook("checkout_create.json").PlatformRefs;
        // The cart token comes out of the recovery URL (/checkouts/ac/{cart_token}/recover): GraphQL has no token field.
        Assert.Equal(webhook["cart_token"], polled["recovery_token"]);
        Assert.Equal(webhook["id"], polled["id"]);
        Assert.Equal(webhook["gid"], polled["gid"]);
    }

    [Fact]
    public void FromGraphQl_ShippingCountry_IsTheCartsCountry()
    {
        Assert.Equal("CA", Polled(1).Contact.Country);
    }

    [Fact]
    public void FromGraphQl_Node_MapsMoneyContactConsentAndLines()
    {
        var snapshot = Polled(0);
        Assert.Equal(CheckoutId, snapshot.ExternalId);
        Assert.Equal("USD", snapshot.Currency);
        Assert.Equal(12970, snapshot.SubtotalMinor);
        Assert.Equal(13970, snapshot.TotalMinor);
        Assert.Null(snapshot.PresentmentCurrency);
        Assert.Equal(new CartContact("anna.berg@example.com", "+1 207-555-0142", "Anna", "Berg", "en-US", true, "US"), snapshot.Contact);
        Assert.Equal(new CartLine("Linen Shirt", 2, 4990, "788032119674292922", "642667041472713922", "LIN-SHIRT-BL-M", "Blue / M",
            "https://cdn.shopify.com/s/files/1/0735/2885/2512/files/linen-shirt-blue.jpg?v=1732280000",
            "https://maple-goods.example.com/products/linen-shirt"), snapshot.Lines[0]);
        Assert.Null(snapshot.Lines[1].ImageUrl);
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 15, 20, 4, TimeSpan.Zero), snapshot.UpdatedAt);
    }

    [Fact]
    public void FromGraphQl_GuestInAnotherCurrency_KeepsShopAmountsAndPresentmentTotal()
    {
        var snapshot = Polled(1);
        Assert.Equal("981820079255243600", snapshot.ExternalId);
        Assert.Null(snapshot.Contact.Email);
        Assert.Equal("Chloé", snapshot.Contact.FirstName);
        Assert.Null(snapshot.Contact.AcceptsMarketing);
        Assert.Equal("USD", snapshot.Currency);
        Assert.Equal(7200, snapshot.TotalMinor);
        Assert.Equal("CAD", snapshot.PresentmentCurrency);
        Assert.Equal(9864, snapshot.PresentmentTotalMinor);
    }

    [Fact]
    public void FromGraphQl_LineWithoutOwnImage_FallsBackToVariantThenProductMedia()
    {
        var snapshot = ShopifyCheckoutMapper.FromGraphQl(1, ShopifyFixtures.Json("abandoned_checkout_node_images.json"));
        Assert.Equal("https://cdn.shopify.com/s/files/tote-natural.jpg", snapshot.Lines[0].ImageUrl);
        Assert.Equal("https://cdn.shopify.com/s/files/enamel-mug.jpg", snapshot.Lines[1].ImageUrl);
    }

    [Fact]
    public void FromGraphQl_OlderCustomerFields_AreReadToo()
    {
        var snapshot = ShopifyCheckoutMapper.FromGraphQl(1, ShopifyFixtures.Json("abandoned_checkout_node_images.json"));
        Assert.Equal("sofia.rossi@example.com", snapshot.Contact.Email);
        Assert.False(snapshot.Contact.AcceptsMarketing);   // emailMarketingConsent UNSUBSCRIBED
    }

    [Theory]
    [InlineData("SUBSCRIBED", true)]
    [InlineData("UNSUBSCRIBED", false)]
    [InlineData("NOT_SUBSCRIBED", false)]
    [InlineData("PENDING", false)]
    [InlineData("REDACTED", false)]
    [InlineData("INVALID", false)]
    [InlineData(null, null)]
    public void Consent_MarketingState_MapsToAcceptsMarketing(string? state, bool? accepts) =>
        Assert.Equal(accepts, ShopifyCheckoutMapper.Consent(state));

    [Fact]
    public void FromGraphQl_NotAnAbandonedCheckoutGid_Throws()
    {
        var json = """{"id":"981820079255243537","createdAt":"2026-11-22T10:00:00Z","totalPriceSet":{"shopMoney":{"amount":"1.0","currencyCode":"USD"}}}""";
        Assert.Throws<FormatException>(() => ShopifyCheckoutMapper.FromGraphQl(1, JsonDocument.Parse(json).RootElement));
    }
}
