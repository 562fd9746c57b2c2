using System.Text;
using CartRecovery.Connectors.Tests.WooCommerce.Support;
using CartRecovery.Connectors.WooCommerce.Api;
using CartRecovery.Testing.Emulators.WooCommerce;
using Microsoft.Extensions.Time.Testing;

namespace CartRecovery.Connectors.Tests.WooCommerce.Api;

public sealed class WooCommerceClientTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly DateTimeOffset LongAgo = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly string[] Pending = ["pending"];

    [Fact]
    public async Task ListOrders_OverPlainHttp_SignsWithOAuthInTheQueryAndTheShopAccepts()
    {
        await using var kit = await WooCommerceTestKit.StartAsync();
        var key = kit.Emulator.AddApiKey();
        kit.Emulator.AddOrder();

        var page = await kit.Get<WooCommerceClient>().ListOrdersAsync(kit.Connection(key), LongAgo, Pending, 1, 100, Ct);

        Assert.Single(page.Items);
        var request = kit.Emulator.Requests.Single();
        Assert.Null(request.Authorization);
        Assert.Contains("oauth_signature=", request.Query, StringComparison.Ordinal);
        Assert.Contains("oauth_signature_method=HMAC-SHA256", request.Query, StringComparison.Ordinal);
        Assert.Contains("status=pending", request.Query, StringComparison.Ordinal);
        Assert.Contains("dates_are_gmt=true", request.Query, StringComparison.Ordinal);
        Assert.Contains("orderby=modified", request.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListOrders_ToAnHttpApiBaseOfAnHttpsSite_SignsWithOAuthAndNeverSendsBasicAuth()
    {
        // The site is https, but the API base requests go to is plain http: the keys must not travel there in clear text.
        await using var kit = await WooCommerceTestKit.StartAsync(new WooCommerceEmulatorOptions { HomeUrl = new Uri("https://shop.test"), TreatAsHttps = true });
        var key = kit.Emulator.AddApiKey();

        await kit.Get<WooCommerceClient>().ListOrdersAsync(kit.Connection(key), LongAgo, Pending, 1, 100, Ct);

        var request = kit.Emulator.Requests.Single();
        Assert.Null(request.Authorization);
        Assert.DoesNotContain(key.ConsumerSecret, request.Query, StringComparison.Ordinal);
        Assert.Contains("oauth_signature=", request.Query, StringComparison.Ordinal);
        Assert.Equal(200, request.StatusCode);
    }

    [Fact]
    public async Task AuthHandler_ForAnHttpsRequestUrl_SendsBasicAuthWithKeyAndSecret()
    {
        var connection = new WooCommerceConnection(new Uri("https://shop.test"), "ck_live", "cs_secret");

        var sent = await SendThroughAuthHandlerAsync(connection);

        Assert.Equal("https", sent.RequestUri!.Scheme);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("ck_live:cs_secret")), sent.Headers.Authorization?.ToString());
        Assert.DoesNotContain("oauth_", sent.RequestUri.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuthHandler_ForAnHttpApiBaseOfAnHttpsSite_SignsAndSendsNoAuthorizationHeader()
    {
        var connection = new WooCommerceConnection(new Uri("https://shop.test"), "ck_live", "cs_secret", new Uri("http://api.shop.test/"));

        var sent = await SendThroughAuthHandlerAsync(connection);

        Assert.Equal("http://api.shop.test/wp-json/wc/v3/orders", sent.RequestUri!.GetLeftPart(UriPartial.Path));
        Assert.Null(sent.Headers.Authorization);
        Assert.Contains("oauth_signature=", sent.RequestUri.Query, StringComparison.Ordinal);
        Assert.DoesNotContain("cs_secret", sent.RequestUri.AbsoluteUri, StringComparison.Ordinal);
    }

    private static async Task<HttpRequestMessage> SendThroughAuthHandlerAsync(WooCommerceConnection connection)
    {
        var inner = new CapturingHandler();
        using var client = new HttpClient(new WooCommerceAuthHandler(TimeProvider.System) { InnerHandler = inner });
        using var request = new HttpRequestMessage(HttpMethod.Get, connection.RequestUrl("wp-json/wc/v3/orders"));
        request.Options.Set(WooCommerceRequestOptions.Connection, connection);
        request.Options.Set(WooCommerceRequestOptions.Route, "wp-json/wc/v3/orders");
        request.Options.Set(WooCommerceRequestOptions.Query, (IReadOnlyList<KeyValuePair<string, string>>)[new("page", "1")]);
        (await client.SendAsync(request, Ct)).Dispose();
        return inner.Sent!;
    }

    private sealed class CapturingHandler : HttpMessageHandler
    {
        public HttpRequestMessage? Sent { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Sent = request;
            return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK));
        }
    }

    [Fact]
    public async Task ListOrders_WithAWrongSecret_ThrowsWithWooCommercesErrorCode()
    {
        await using var kit = await WooCommerceTestKit.StartAsync();
        var key = kit.Emulator.AddApiKey();
        var wrong = new WooCommerceConnection(kit.Emulator.HomeUrl, key.ConsumerKey, "cs_wrong", kit.Emulator.BaseUrl);

        var error = await Assert.ThrowsAsync<WooCommerceApiException>(() => kit.Get<WooCommerceClient>().ListOrdersAsync(wrong, LongAgo, Pending, 1, 100, Ct));

        Assert.Equal(401, error.StatusCode);
        Assert.Equal("woocommerce_rest_authentication_error", error.ErrorCode);
        Assert.Contains("signature does not match", error.Message, StringComparison.Ordinal);
        Assert.True(error.IsUnauthorized);
        Assert.False(error.IsTransient);
    }

    [Fact]
    public async Task ListOrders_WhenTheClocksDisagreeByTwentyMinutes_IsRefusedAsAnInvalidTimestamp()
    {
        var shopClock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var ourClock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddMinutes(-20));
        await using var kit = await WooCommerceTestKit.StartAsync(new WooCommerceEmulatorOptions { HomeUrl = WooCommerceTestKit.DefaultHome, Time = shopClock }, time: ourClock);
        var key = kit.Emulator.AddApiKey();

        var error = await Assert.ThrowsAsync<WooCommerceApiException>(() => kit.Get<WooCommerceClient>().ListOrdersAsync(kit.Connection(key), LongAgo, Pending, 1, 100, Ct));

        Assert.Equal(401, error.StatusCode);
        Assert.EndsWith("Invalid timestamp.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListOrders_EmptyShop_ReturnsNoItemsAndNoPages()
    {
        await using var kit = await WooCommerceTestKit.StartAsync();
        var key = kit.Emulator.AddApiKey();

        var page = await kit.Get<WooCommerceClient>().ListOrdersAsync(kit.Connection(key), LongAgo, Pending, 1, 100, Ct);

        Assert.Empty(page.Items);
        Assert.Equal(0, page.Total);
        Assert.Equal(0, page.TotalPages);
        Assert.False(page.HasMore);
    }

    [Fact]
    public async Task ListOrders_ExactlyOneHundredOrders_IsOneFullPageWithNothingMore()
    {
        await using var kit = await WooCommerceTestKit.StartAsync();
        var key = kit.Emulator.AddApiKey();
        for (var i = 0; i < 100; i++)
            kit.Emulator.AddOrder();

        var page = await kit.Get<WooCommerceClient>().ListOrdersAsync(kit.Connection(key), LongAgo, Pending, 1, 100, Ct);

        Assert.Equal(100, page.Items.Count);
        Assert.Equal(100, page.Total);
        Assert.Equal(1, page.TotalPages);
        Assert.False(page.HasMore);
    }

    [Fact]
    public async Task ListOrders_TwoHundredFiftyOrders_ComeInThreePagesOldestChangeFirst()
    {
        await using var kit = await WooCommerceTestKit.StartAsync();
        var key = kit.Emulator.AddApiKey();
        var start = new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 250; i++)
            kit.Emulator.AddOrder(o => o.Modified(start.AddSeconds(250 - i)));
        var client = kit.Get<WooCommerceClient>();

        var pages = new List<WooCommercePage<System.Text.Json.JsonElement>>();
        for (var p = 1; p <= 3; p++)
            pages.Add(await client.ListOrdersAsync(kit.Connection(key), LongAgo, Pending, p, 100, Ct));

        Assert.Equal([100, 100, 50], pages.Select(p => p.Items.Count));
        Assert.All(pages, p => Assert.Equal(250, p.Total));
        Assert.All(pages, p => Assert.Equal(3, p.TotalPages));
        Assert.Equal([true, true, false], pages.Select(p => p.HasMore));
        var modified = pages.SelectMany(p => p.Items).Select(o => o.GetProperty("date_modified_gmt").GetString()).ToList();
        Assert.Equal(modified.Order(StringComparer.Ordinal), modified);
        Assert.Equal(250, pages.SelectMany(p => p.Items).Select(o => o.GetProperty("id").GetInt64()).Distinct().Count());
    }

    [Fact]
    public async Task ListOrders_ModifiedAfterIsExclusiveAndCompatibleWithGmt()
    {
        await using var kit = await WooCommerceTestKit.StartAsync();
        var key = kit.Emulator.AddApiKey();
        var at = FixtureTime.Now;
        kit.Emulator.AddOrder(o => o.Modified(at));
        var later = kit.Emulator.AddOrder(o => o.Modified(at.AddSeconds(1)));

        var page = await kit.Get<WooCommerceClient>().ListOrdersAsync(kit.Connection(key), at, Pending, 1, 100, Ct);

        Assert.Equal(later, page.Items.Single().GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task ListOrders_UnregisteredStatus_ThrowsInvalidParam()
    {
        await using var kit = await WooCommerceTestKit.StartAsync(new WooCommerceEmulatorOptions { HomeUrl = WooCommerceTestKit.DefaultHome, SupportsCheckoutDraft = false });
        var key = kit.Emulator.AddApiKey();

        var error = await Assert.ThrowsAsync<WooCommerceApiException>(() =>
            kit.Get<WooCommerceClient>().ListOrdersAsync(kit.Connection(key), LongAgo, ["pending", "checkout-draft"], 1, 100, Ct));

        Assert.Equal(400, error.StatusCode);
        Assert.Equal("rest_invalid_param", error.ErrorCode);
        Assert.Contains("rest_invalid_param", error.BodyExcerpt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetOrder_Unknown_ReturnsNull()
    {
        await using var kit = await WooCommerceTestKit.StartAsync();
        var key = kit.Emulator.AddApiKey();

        Assert.Null(await kit.Get<WooCommerceClient>().GetOrderAsync(kit.Connection(key), 424242, Ct));
    }

    [Fact]
    public async Task Get_WhenTheShopFailsTwiceWith503_RetriesWithFreshNoncesAndSucceeds()
    {
        await using var kit = await WooCommerceTestKit.StartAsync();
        var key = kit.Emulator.AddApiKey();
        var id = kit.Emulator.AddOrder();
        kit.Emulator.FailNext(2, 503);

        var order = await kit.Get<WooCommerceClient>().GetOrderAsync(kit.Connection(key), id, Ct);

        Assert.NotNull(order);
        var requests = kit.Emulator.Requests;
        Assert.Equal([503, 503, 200], requests.Select(r => r.StatusCode));
        Assert.Equal(3, requests.Select(r => r.Query).Distinct().Count());
    }

    [Fact]
    public async Task Get_WhenTheShopKeepsFailing_ThrowsATransientErrorAfterTheRetries()
    {
        await using var kit = await WooCommerceTestKit.StartAsync(configure: o => o.MaxRetries = 2);
        var key = kit.Emulator.AddApiKey();
        kit.Emulator.FailNext(3, 500);

        var error = await Assert.ThrowsAsync<WooCommerceApiException>(() => kit.Get<WooCommerceClient>().GetOrderAsync(kit.Connection(key), 1, Ct));

        Assert.Equal(500, error.StatusCode);
        Assert.Equal("internal_server_error", error.ErrorCode);
        Assert.True(error.IsTransient);
        Assert.Equal(3, kit.Emulator.Requests.Count);
    }

    [Fact]
    public async Task Get_WhenTheShopIsTooSlow_TimesOutAsATransientError()
    {
        await using var kit = await WooCommerceTestKit.StartAsync(configure: o => { o.RequestTimeout = TimeSpan.FromMilliseconds(300); o.MaxRetries = 1; });
        var key = kit.Emulator.AddApiKey();
        kit.Emulator.DelayNext(2, TimeSpan.FromSeconds(3));

        var error = await Assert.ThrowsAsync<WooCommerceApiException>(() => kit.Get<WooCommerceClient>().GetOrderAsync(kit.Connection(key), 1, Ct));

        Assert.Equal(0, error.StatusCode);
        Assert.True(error.IsTransient);
    }

    [Fact]
    public async Task Post_WhenTheShopAnswers429_IsNotRetriedAndReportsRetryAfter()
    {
        await using var kit = await WooCommerceTestKit.StartAsync();
        var key = kit.Emulator.AddApiKey();
        kit.Emulator.FailNext(1, 429, "too_many_requests", "Slow down.", TimeSpan.FromSeconds(7));

        var error = await Assert.ThrowsAsync<WooCommerceApiException>(() => kit.Get<WooCommerceClient>().CreateCouponAsync(kit.Connection(key),
            new WooCommerceCouponRequest("CR-ONCE", "percent", "10", false, [], DateTimeOffset.UtcNow.AddDays(1), "test"), Ct));

        Assert.Equal(429, error.StatusCode);
        Assert.True(error.IsTransient);
        Assert.Equal(TimeSpan.FromSeconds(7), error.RetryAfter);
        Assert.Single(kit.Emulator.Requests);
        Assert.Empty(kit.Emulator.Coupons);
    }

    [Fact]
    public async Task CreateCoupon_SameCodeTwice_SecondFailsWithCodeAlreadyExists()
    {
        await using var kit = await WooCommerceTestKit.StartAsync();
        var key = kit.Emulator.AddApiKey();
        var client = kit.Get<WooCommerceClient>();
        var coupon = new WooCommerceCouponRequest("CR-TWICE", "percent", "10", false, ["lea@example.org"], DateTimeOffset.UtcNow.AddDays(2), "test");

        var created = await client.CreateCouponAsync(kit.Connection(key), coupon, Ct);
        var error = await Assert.ThrowsAsync<WooCommerceApiException>(() => client.CreateCouponAsync(kit.Connection(key), coupon with { Code = "cr-twice" }, Ct));

        Assert.Equal("cr-twice", created.Code);
        Assert.Equal(400, error.StatusCode);
        Assert.Equal("woocommerce_rest_coupon_code_already_exists", error.ErrorCode);
    }

    [Fact]
    public async Task CreateWebhook_RegistersSecretAndUrlAndWooCommercePingsTheUrl()
    {
        await using var receiver = await LoopbackReceiver.StartAsync();
        await using var kit = await WooCommerceTestKit.StartAsync();
        var key = kit.Emulator.AddApiKey();
        var url = new Uri(receiver.BaseUrl, "webhooks/woocommerce/7");

        var created = await kit.Get<WooCommerceClient>().CreateWebhookAsync(kit.Connection(key), "order.updated", url, "s3cret", "CartRecovery order.updated", Ct);

        var webhook = Assert.Single(kit.Emulator.Webhooks);
        Assert.Equal((created.Id, "order.updated", url.AbsoluteUri, "s3cret", 200), (webhook.Id, webhook.Topic, webhook.DeliveryUrl, webhook.Secret, webhook.PingStatus));
        var ping = Assert.Single(receiver.Received);
        Assert.Equal($"webhook_id={created.Id}", ping.BodyText);
        Assert.Null(ping.Header("X-WC-Webhook-Signature"));
    }

    [Fact]
    public async Task HasWriteAccess_TellsReadOnlyKeysFromReadWriteKeysWithoutCreatingAnything()
    {
        await using var kit = await WooCommerceTestKit.StartAsync();
        var client = kit.Get<WooCommerceClient>();

        Assert.True(await client.HasWriteAccessAsync(kit.Connection(kit.Emulator.AddApiKey("read_write")), Ct));
        Assert.False(await client.HasWriteAccessAsync(kit.Connection(kit.Emulator.AddApiKey("read")), Ct));
        Assert.Empty(kit.Emulator.Webhooks);
    }

    [Fact]
    public async Task GetStoreSettings_ReadsCurrencyTimeZoneVersionAndSender()
    {
        await using var kit = await WooCommerceTestKit.StartAsync();
        var key = kit.Emulator.AddApiKey();

        var settings = await kit.Get<WooCommerceClient>().GetStoreSettingsAsync(kit.Connection(key), Ct);

        Assert.Equal(("Emulated Outfitters", "EUR", "Europe/Berlin", "10.3.0"), (settings.Name, settings.Currency, settings.TimeZone, settings.WooCommerceVersion));
        Assert.Equal(("shop@emulated-outfitters.test", "Emulated Outfitters"), (settings.SenderEmail, settings.SenderName));
        Assert.Equal(new Uri("http://shop.test/"), settings.HomeUrl);
    }

    [Fact]
    public async Task GetStoreSettings_WhenTheSiteTitleHasEscapedCharacters_DecodesThemOnce()
    {
        await using var kit = await WooCommerceTestKit.StartAsync(new WooCommerceEmulatorOptions
        {
            HomeUrl = WooCommerceTestKit.DefaultHome, StoreName = "Ben & Jerry's <Outdoor>",
        });
        var key = kit.Emulator.AddApiKey();

        var settings = await kit.Get<WooCommerceClient>().GetStoreSettingsAsync(kit.Connection(key), Ct);

        Assert.Equal("Ben & Jerry's <Outdoor>", settings.Name);
    }
}
