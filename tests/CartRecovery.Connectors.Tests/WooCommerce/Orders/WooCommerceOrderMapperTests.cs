using System.Text.Json;
using CartRecovery.Connectors.Tests.WooCommerce.Support;
using CartRecovery.Connectors.WooCommerce.Orders;

namespace CartRecovery.Connectors.Tests.WooCommerce.Orders;

public sealed class WooCommerceOrderMapperTests
{
    private static readonly DateTimeOffset Created = new(2026, 11, 22, 16, 58, 12, TimeSpan.Zero);
    private static readonly DateTimeOffset Modified = new(2026, 11, 22, 17, 3, 40, TimeSpan.Zero);

    [Fact]
    public void ToSnapshot_PendingOrder_MapsContactTotalsRefsAndGmtDates()
    {
        var snapshot = WooCommerceOrderMapper.ToSnapshot(WooCommerceFixtures.Store(), WooCommerceFixtures.Json("order_pending.json"));

        Assert.Equal((3L, "4711", "EUR"), (snapshot.StoreId, snapshot.ExternalId, snapshot.Currency));
        Assert.Equal(("lea.martin@example.org", "+33 6 12 34 56 78", "Léa", "Martin"),
            (snapshot.Contact.Email, snapshot.Contact.Phone, snapshot.Contact.FirstName, snapshot.Contact.LastName));
        Assert.Equal(8370, snapshot.TotalMinor);
        Assert.Equal(7880, snapshot.SubtotalMinor);
        Assert.Equal(Created, snapshot.CreatedAt);
        Assert.Equal(Modified, snapshot.UpdatedAt);
        Assert.Equal("4711", snapshot.PlatformRefs[WooCommerceOrderMapper.OrderIdRef]);
        Assert.Equal("wc_order_Qx7ZpR2mK9aLd", snapshot.PlatformRefs[WooCommerceOrderMapper.OrderKeyRef]);
        Assert.Equal("3f1c6f1b2a8e4c0d9e7b5a4c3d2e1f00", snapshot.PlatformRefs[WooCommerceOrderMapper.CartHashRef]);
    }

    [Fact]
    public void ToSnapshot_PendingOrder_RestoresThroughTheShopsOwnPaymentUrl()
    {
        var snapshot = WooCommerceOrderMapper.ToSnapshot(WooCommerceFixtures.Store(), WooCommerceFixtures.Json("order_pending.json"));

        // The shop renamed its checkout page to /kasse/: payment_url knows, a built link would not.
        Assert.Equal("https://shop.test/kasse/order-pay/4711/?pay_for_order=true&key=wc_order_Qx7ZpR2mK9aLd", snapshot.RestoreUrl);
    }

    [Fact]
    public void ToSnapshot_Lines_CarryIdsSkuPricesImagesAndTheVariationsParentTitle()
    {
        var snapshot = WooCommerceOrderMapper.ToSnapshot(WooCommerceFixtures.Store(), WooCommerceFixtures.Json("order_pending.json"));

        var jacket = snapshot.Lines[0];
        Assert.Equal(("Ridgeline Down Jacket", "Slate, M", 1, 5900L), (jacket.Title, jacket.VariantTitle, jacket.Quantity, jacket.UnitPriceMinor));
        Assert.Equal(("88", "93", "ALP-JKT-M"), (jacket.ProductId, jacket.VariantId, jacket.Sku));
        Assert.Equal("https://shop.test/wp-content/uploads/2026/10/jacket-slate.jpg", jacket.ImageUrl);
        Assert.Equal("https://shop.test/?post_type=product&p=88", jacket.ProductUrl);
        var socks = snapshot.Lines[1];
        Assert.Equal(("Hiking Socks, 3-pack", null, 2, 990L), (socks.Title, socks.VariantTitle, socks.Quantity, socks.UnitPriceMinor));
        Assert.Equal(("41", null, null, null), (socks.ProductId, socks.VariantId, socks.Sku, socks.ImageUrl));
    }

    [Fact]
    public void ToSnapshot_PendingOrder_TakesTheShippingCountry()
    {
        Assert.Equal("FR", WooCommerceOrderMapper.ToSnapshot(WooCommerceFixtures.Store(), WooCommerceFixtures.Json("order_pending.json")).Contact.Country);
    }

    [Fact]
    public void ToSnapshot_CheckoutDraftWithoutEmail_KeepsTheCartWithoutContact()
    {
        var snapshot = WooCommerceOrderMapper.ToSnapshot(WooCommerceFixtures.Store(), WooCommerceFixtures.Json("order_checkout_draft.json"));

        Assert.False(snapshot.Contact.CanBeEmailed);
        Assert.Null(snapshot.Contact.FirstName);
        Assert.Null(snapshot.Contact.Country);
        Assert.DoesNotContain(WooCommerceOrderMapper.CartHashRef, snapshot.PlatformRefs.Keys);
        Assert.Equal(2900, snapshot.TotalMinor);
    }

    [Fact]
    public void ToSnapshot_WithoutPaymentUrl_BuildsTheDefaultOrderPayLink()
    {
        var order = Without(WooCommerceFixtures.Text("order_pending.json"), "payment_url");

        var snapshot = WooCommerceOrderMapper.ToSnapshot(WooCommerceFixtures.Store(), order);

        Assert.Equal("https://shop.test/checkout/order-pay/4711/?pay_for_order=true&key=wc_order_Qx7ZpR2mK9aLd", snapshot.RestoreUrl);
    }

    [Fact]
    public void ToSnapshot_WithoutDates_ThrowsFormatException()
    {
        var order = Without(Without(WooCommerceFixtures.Text("order_pending.json"), "date_modified_gmt").GetRawText(), "date_created_gmt");

        Assert.Throws<FormatException>(() => WooCommerceOrderMapper.ToSnapshot(WooCommerceFixtures.Store(), order));
    }

    [Fact]
    public void ToOrderReport_PaidOrder_UsesTheTotalAndThePaymentDate()
    {
        var paid = JsonDocument.Parse(WooCommerceFixtures.Text("order_pending.json")
            .Replace("\"status\":\"pending\"", "\"status\":\"processing\"", StringComparison.Ordinal)
            .Replace("\"date_paid_gmt\":null", "\"date_paid_gmt\":\"2026-11-23T09:15:00\"", StringComparison.Ordinal)).RootElement;

        var report = WooCommerceOrderMapper.ToOrderReport(WooCommerceFixtures.Store(), paid, "4711");

        Assert.Equal((3L, "4711", "4711", 8370L), (report.StoreId, report.CartExternalId, report.OrderId, report.TotalMinor));
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 9, 15, 0, TimeSpan.Zero), report.OrderedAt);
    }

    [Theory]
    [InlineData("pending", nameof(WooCommerceOrderState.Abandoned))]
    [InlineData("failed", nameof(WooCommerceOrderState.Abandoned))]
    [InlineData("checkout-draft", nameof(WooCommerceOrderState.Abandoned))]
    [InlineData("processing", nameof(WooCommerceOrderState.Ordered))]
    [InlineData("completed", nameof(WooCommerceOrderState.Ordered))]
    [InlineData("on-hold", nameof(WooCommerceOrderState.Ordered))]
    [InlineData("cancelled", nameof(WooCommerceOrderState.Gone))]
    [InlineData("refunded", nameof(WooCommerceOrderState.Gone))]
    [InlineData("trash", nameof(WooCommerceOrderState.Gone))]
    [InlineData("wc-custom-status", nameof(WooCommerceOrderState.Ignored))]
    public void Classify_Status_MeansWhatRecoveryNeeds(string status, string expected) =>
        // The state is the connector's own (internal) type: a public test method names it by its name.
        Assert.Equal(Enum.Parse<WooCommerceOrderState>(expected), WooCommerceOrderStatuses.Classify(status));

    [Theory]
    [InlineData("Ship Your Idea &ndash; Color: Black", "Ship Your Idea", "Ship Your Idea", "Color: Black")]
    [InlineData("Ben &amp; Jerry&#8217;s Tee - L", "Ben &amp; Jerry&#8217;s Tee", "Ben & Jerry\u2019s Tee", "L")]
    public void ToSnapshot_WhenNamesCarryHtmlEntities_DecodesThemOnce(string name, string parentName, string title, string variant)
    {
        var order = System.Text.Json.Nodes.JsonNode.Parse(WooCommerceFixtures.Text("order_pending.json"))!.AsObject();
        var line = order["line_items"]![0]!.AsObject();
        line["name"] = name;
        line["parent_name"] = parentName;

        var first = WooCommerceOrderMapper.ToSnapshot(WooCommerceFixtures.Store(), JsonDocument.Parse(order.ToJsonString()).RootElement).Lines[0];

        Assert.Equal((title, variant), (first.Title, first.VariantTitle));
    }

    [Fact]
    public void ToSnapshot_WhenANameHoldsAnEncodedEntity_DecodesOnlyOnce()
    {
        var order = System.Text.Json.Nodes.JsonNode.Parse(WooCommerceFixtures.Text("order_pending.json"))!.AsObject();
        order["line_items"]![1]!.AsObject()["name"] = "Socks &amp;amp; more";

        var second = WooCommerceOrderMapper.ToSnapshot(WooCommerceFixtures.Store(), JsonDocument.Parse(order.ToJsonString()).RootElement).Lines[1];

        Assert.Equal("Socks &amp; more", second.Title);
    }

    private static JsonElement Without(string json, string property)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
        node.Remove(property);
        return JsonDocument.Parse(node.ToJsonString()).RootElement;
    }
}
