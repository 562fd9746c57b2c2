using System.Net;
using CartRecovery.Connectors.Shopify.Admin;
using CartRecovery.Connectors.Shopify.Offers;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Sequences;
using CartRecovery.Core.Storefronts;
using CartRecovery.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace CartRecovery.Connectors.Tests.Shopify.Offers;

public sealed class ShopifyStorefrontTests
{
    private const string RecoveryUrl = "https://maple-goods.example.com/73528852512/checkouts/b1946ac92492d2347c6235b4d2611184/recover?key=4f1c1e0a6b8d2e7f93a1";
    private static readonly DateTimeOffset ExpiresAt = FixtureTime.Now.AddDays(2);

    private static ShopifyStorefront Storefront(ShopifyTestKit kit) => new(kit.Api(), kit.Time, NullLogger<ShopifyStorefront>.Instance);

    private static Cart Checkout() => TestData.Cart() with
    {
        StoreId = 1,
        ExternalId = "981820079255243537",
        RestoreUrl = RecoveryUrl,
        PlatformRefs = new Dictionary<string, string> { ["id"] = "981820079255243537", ["token"] = "b1946ac92492d2347c6235b4d2611184" },
    };

    private static HttpResponseMessage Created(string payload) =>
        Respond.Data(new Dictionary<string, object> { [payload] = new { codeDiscountNode = new { id = "gid://shopify/DiscountCodeNode/1" }, userErrors = Array.Empty<object>() } });

    private static HttpResponseMessage Refused(string code, string message) =>
        Respond.Data(new Dictionary<string, object>
        {
            ["discountCodeBasicCreate"] = new { codeDiscountNode = (object?)null, userErrors = new[] { new { field = new[] { "basicCodeDiscount", "code" }, code, message } } },
        });

    [Fact]
    public async Task IssueOfferAsync_Percentage_CreatesSingleUseCodeWithFractionAndDates()
    {
        using var kit = new ShopifyTestKit(_ => Created("discountCodeBasicCreate"));

        var issued = await Storefront(kit).IssueOfferAsync(ShopifyTestKit.Store(), Checkout(), new OfferSpec(OfferKind.Percentage, 10, TimeSpan.FromDays(2)), ExpiresAt, TestContext.Current.CancellationToken);

        Assert.Matches("^CR-[ABCDEFGHJKMNPQRSTUVWXYZ2-9]{8}$", issued.Code);
        Assert.Equal("10% off", issued.Description);
        Assert.Equal(ExpiresAt, issued.ExpiresAt);
        var request = Assert.Single(kit.Handler.GraphQl);
        Assert.Contains("discountCodeBasicCreate", request.Query, StringComparison.Ordinal);
        Assert.DoesNotContain(issued.Code, request.Query, StringComparison.Ordinal);
        var input = request.Variables.GetProperty("basicCodeDiscount");
        Assert.Equal(issued.Code, input.GetProperty("code").GetString());
        Assert.Equal(0.1m, input.GetProperty("customerGets").GetProperty("value").GetProperty("percentage").GetDecimal());
        Assert.True(input.GetProperty("customerGets").GetProperty("items").GetProperty("all").GetBoolean());
        Assert.Equal(1, input.GetProperty("usageLimit").GetInt32());
        Assert.True(input.GetProperty("appliesOncePerCustomer").GetBoolean());
        Assert.Equal("2026-11-22T17:00:00Z", input.GetProperty("startsAt").GetString());
        Assert.Equal("2026-11-24T17:00:00Z", input.GetProperty("endsAt").GetString());
        Assert.Equal("ALL", input.GetProperty("context").GetProperty("all").GetString());
        Assert.Contains("10% off", input.GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task IssueOfferAsync_FixedAmount_SendsAmountInShopCurrencyOncePerOrder()
    {
        using var kit = new ShopifyTestKit(_ => Created("discountCodeBasicCreate"));

        var issued = await Storefront(kit).IssueOfferAsync(ShopifyTestKit.Store(), Checkout(), new OfferSpec(OfferKind.FixedAmount, 500, TimeSpan.FromDays(2)), ExpiresAt, TestContext.Current.CancellationToken);

        var amount = kit.Handler.GraphQl[0].Variables.GetProperty("basicCodeDiscount").GetProperty("customerGets").GetProperty("value").GetProperty("discountAmount");
        Assert.Equal("5.00", amount.GetProperty("amount").GetString());
        Assert.False(amount.GetProperty("appliesOnEachItem").GetBoolean());
        Assert.Equal("$5.00 off", issued.Description);
    }

    [Fact]
    public async Task IssueOfferAsync_FreeShipping_UsesTheFreeShippingMutation()
    {
        using var kit = new ShopifyTestKit(_ => Created("discountCodeFreeShippingCreate"));

        await Storefront(kit).IssueOfferAsync(ShopifyTestKit.Store(), Checkout(), new OfferSpec(OfferKind.FreeShipping, 0, TimeSpan.FromDays(2)), ExpiresAt, TestContext.Current.CancellationToken);

        var request = Assert.Single(kit.Handler.GraphQl);
        Assert.Contains("discountCodeFreeShippingCreate", request.Query, StringComparison.Ordinal);
        var input = request.Variables.GetProperty("freeShippingCodeDiscount");
        Assert.True(input.GetProperty("destination").GetProperty("all").GetBoolean());
        Assert.Equal(1, input.GetProperty("usageLimit").GetInt32());
        Assert.Equal("2026-11-24T17:00:00Z", input.GetProperty("endsAt").GetString());
    }

    [Fact]
    public async Task IssueOfferAsync_CodeTaken_RetriesWithAFreshCode()
    {
        var handler = FakeShopifyHandler.Sequence(() => Refused("TAKEN", "Code must be unique. Please try a different code."), () => Created("discountCodeBasicCreate"));
        using var kit = new ShopifyTestKit(handler);

        var issued = await Storefront(kit).IssueOfferAsync(ShopifyTestKit.Store(), Checkout(), new OfferSpec(OfferKind.Percentage, 15, TimeSpan.FromDays(1)), ExpiresAt, TestContext.Current.CancellationToken);

        var codes = handler.GraphQl.Select(r => r.Variables.GetProperty("basicCodeDiscount").GetProperty("code").GetString()).ToList();
        Assert.Equal(2, codes.Count);
        Assert.NotEqual(codes[0], codes[1]);
        Assert.Equal(codes[1], issued.Code);
    }

    [Fact]
    public async Task IssueOfferAsync_CodeTakenEveryTime_GivesUpAfterBoundedAttempts()
    {
        using var kit = new ShopifyTestKit(_ => Refused("TAKEN", "Code must be unique."));

        var error = await Assert.ThrowsAsync<ShopifyApiException>(() => Storefront(kit).IssueOfferAsync(
            ShopifyTestKit.Store(), Checkout(), new OfferSpec(OfferKind.Percentage, 15, TimeSpan.FromDays(1)), ExpiresAt, TestContext.Current.CancellationToken));

        Assert.False(error.IsTransient);
        Assert.Equal(ShopifyStorefront.MaxCodeAttempts, kit.Handler.GraphQl.Count);
    }

    [Fact]
    public async Task IssueOfferAsync_OtherUserError_ThrowsNonTransientWithoutRetrying()
    {
        using var kit = new ShopifyTestKit(_ => Refused("INVALID", "Ends at needs to be after starts_at"));

        var error = await Assert.ThrowsAsync<ShopifyApiException>(() => Storefront(kit).IssueOfferAsync(
            ShopifyTestKit.Store(), Checkout(), new OfferSpec(OfferKind.Percentage, 15, TimeSpan.FromDays(1)), ExpiresAt, TestContext.Current.CancellationToken));

        Assert.False(error.IsTransient);
        Assert.Equal("INVALID", error.ErrorCode);
        Assert.Contains("Ends at needs to be after starts_at", error.Message, StringComparison.Ordinal);
        Assert.Single(kit.Handler.GraphQl);
    }

    [Fact]
    public void BuildRestoreUrl_NoCode_ReturnsTheRecoveryUrl()
    {
        using var kit = new ShopifyTestKit(_ => Respond.Data(new { }));
        Assert.Equal(RecoveryUrl, Storefront(kit).BuildRestoreUrl(ShopifyTestKit.Store(), Checkout(), null).AbsoluteUri);
    }

    [Fact]
    public void BuildRestoreUrl_WithCode_ReturnsTheDiscountLinkRedirectingToTheRecoveryPath()
    {
        using var kit = new ShopifyTestKit(_ => Respond.Data(new { }));

        var url = Storefront(kit).BuildRestoreUrl(ShopifyTestKit.Store(), Checkout(), "CR-7F3K9QTX");

        Assert.Equal("https://maple-goods.example.com/discount/CR-7F3K9QTX?redirect="
            + "%2F73528852512%2Fcheckouts%2Fb1946ac92492d2347c6235b4d2611184%2Frecover%3Fkey%3D4f1c1e0a6b8d2e7f93a1", url.AbsoluteUri);
        Assert.Equal("/73528852512/checkouts/b1946ac92492d2347c6235b4d2611184/recover?key=4f1c1e0a6b8d2e7f93a1",
            System.Web.HttpUtility.ParseQueryString(url.Query)["redirect"]);
    }

    [Fact]
    public void BuildRestoreUrl_NoRecoveryUrl_UsesTheStorefront()
    {
        using var kit = new ShopifyTestKit(_ => Respond.Data(new { }));
        var cart = Checkout() with { RestoreUrl = null };

        Assert.Equal("https://maple-goods.example.com/", Storefront(kit).BuildRestoreUrl(ShopifyTestKit.Store(), cart, null).AbsoluteUri);
        Assert.Equal("https://maple-goods.example.com/discount/CR-7F3K9QTX?redirect=%2F",
            Storefront(kit).BuildRestoreUrl(ShopifyTestKit.Store(), cart, "CR-7F3K9QTX").AbsoluteUri);
    }

    [Theory]
    [InlineData("\"2026-11-22T16:40:00Z\"", StorefrontCartState.Ordered)]
    [InlineData("null", StorefrontCartState.Open)]
    public async Task CheckCartAsync_CheckoutFound_AnswersFromCompletedAt(string completedAt, StorefrontCartState expected)
    {
        using var kit = new ShopifyTestKit(_ => Respond.Json(
            """{"data":{"abandonedCheckouts":{"nodes":[{"id":"gid://shopify/AbandonedCheckout/981820079255243537","completedAt":"""
            + completedAt + "}]}}}"));

        var state = await Storefront(kit).CheckCartAsync(ShopifyTestKit.Store(), Checkout(), TestContext.Current.CancellationToken);

        Assert.Equal(expected, state);
        var request = Assert.Single(kit.Handler.GraphQl);
        Assert.Equal("id:981820079255243537", request.Variables.GetProperty("query").GetString());
        Assert.Equal(1, request.Variables.GetProperty("first").GetInt32());
    }

    [Fact]
    public async Task CheckCartAsync_CheckoutNotFound_ReturnsGone()
    {
        using var kit = new ShopifyTestKit(_ => Respond.Json("""{"data":{"abandonedCheckouts":{"nodes":[]}}}"""));
        Assert.Equal(StorefrontCartState.Gone, await Storefront(kit).CheckCartAsync(ShopifyTestKit.Store(), Checkout(), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task CheckCartAsync_ApiFails_ReturnsOpen()
    {
        using var kit = new ShopifyTestKit(_ => Respond.Status(HttpStatusCode.Unauthorized, "{\"errors\":\"[API] Invalid API key or access token\"}"));
        Assert.Equal(StorefrontCartState.Open, await Storefront(kit).CheckCartAsync(ShopifyTestKit.Store(), Checkout(), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task CheckCartAsync_NoCheckoutIdKnown_ReturnsOpenWithoutAsking()
    {
        using var kit = new ShopifyTestKit(_ => Respond.Json("""{"data":{"abandonedCheckouts":{"nodes":[]}}}"""));
        var cart = Checkout() with { ExternalId = "5d41402abc4b2a76b9719d911017c592", PlatformRefs = new Dictionary<string, string> { ["token"] = "5d41402abc4b2a76b9719d911017c592" } };

        Assert.Equal(StorefrontCartState.Open, await Storefront(kit).CheckCartAsync(ShopifyTestKit.Store(), cart, TestContext.Current.CancellationToken));
        Assert.Empty(kit.Handler.Requests);
    }
}
