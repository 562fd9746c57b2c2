using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Stores;
using CartRecovery.Data.Connections;
using Dapper;

namespace CartRecovery.Web.Tests.Features.WooCommerce;

public sealed class WooCommerceHostTests : IAsyncLifetime
{
    private WooCommerceHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await WooCommerceHost.StartAsync();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    private static CancellationToken Ct => WooCommerceHost.Ct;

    private async Task<long> InboxCountAsync()
    {
        await using var db = await _host.App.Service<IDbConnectionFactory>().OpenAsync(Ct);
        return await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM webhook_deliveries");
    }

    [Fact]
    public async Task Connect_ThroughKeyAuthorization_CreatesTheStoreWithWebhooksThatPing200()
    {
        var (back, store) = await _host.ConnectAsync();

        // The new owner is signed in and lands on the app (WooCommerceConnectSignInTests).
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        Assert.NotNull(store);
        Assert.Equal(("EUR", "Europe/Berlin"), (store.Currency, store.TimeZone));
        Assert.NotEmpty(_host.Shop.Webhooks);
        Assert.All(_host.Shop.Webhooks, w =>
        {
            Assert.Equal($"{_host.BaseUrl}webhooks/woocommerce/{store.Id}", w.DeliveryUrl);
            Assert.Equal(200, w.PingStatus);
        });
        Assert.Equal(0, await InboxCountAsync());
    }

    [Fact]
    public async Task Callback_WithAnUnknownOrReplayedConnectionId_Is400AndCreatesNothing()
    {
        var response = await _host.Browser().PostAsync("/connect/woocommerce/callback", new StringContent(
            """{"key_id":1,"user_id":"made-up","consumer_key":"ck_x","consumer_secret":"cs_x","key_permissions":"read_write"}""",
            Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await _host.App.Service<IStoreRepository>().ListAsync(Ct));
    }

    [Fact]
    public async Task Callback_WhoseBodyIsNotValidUtf8_Is400AndCreatesNothing()
    {
        var body = """{"key_id":1,"user_id":"made-up","consumer_key":"ck_x","consumer_secret":"cs_x","key_permissions":"read_write"}"""u8.ToArray();
        body[body.AsSpan().IndexOf("made"u8) + 1] = 0xFF;
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        var response = await _host.Browser().PostAsync("/connect/woocommerce/callback", content, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await _host.App.Service<IStoreRepository>().ListAsync(Ct));
    }

    [Fact]
    public async Task ConnectPage_WithABadSiteAddress_ShowsAFriendlyError()
    {
        var response = await _host.Browser().GetAsync("/connect/woocommerce?site=ftp://nope", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task OrderWebhooks_PendingThenProcessing_CaptureTheCartAndConvertIt()
    {
        var (_, store) = await _host.ConnectAsync();
        var orderId = _host.Shop.AddOrder(o => o.Status("pending").Billing("lea@example.com").Line("Trail Boots", 1, "145.00", 7701));
        var created = _host.Shop.Webhooks.First(w => w.Topic == "order.created");

        var first = await _host.Shop.SendOrderWebhookAsync(created.Id, orderId, ct: Ct);
        Assert.Equal(200, first.StatusCode);
        await _host.ProcessWebhooksAsync();
        var cart = (await _host.App.Service<ICartRepository>().FindByRefAsync(store!.Id, orderId.ToString(System.Globalization.CultureInfo.InvariantCulture), Ct))!;
        Assert.Equal(("lea@example.com", 14500L, CartStatus.Active), (cart.Contact.Email, cart.TotalMinor, cart.Status));

        _host.App.Time.Advance(TimeSpan.FromMinutes(3));
        _host.Shop.SetOrderStatus(orderId, "processing");
        var updated = _host.Shop.Webhooks.First(w => w.Topic == "order.updated");
        Assert.Equal(200, (await _host.Shop.SendOrderWebhookAsync(updated.Id, orderId, ct: Ct)).StatusCode);
        await _host.ProcessWebhooksAsync();

        Assert.Equal(CartStatus.ConvertedUnassisted, (await _host.App.Service<ICartRepository>().GetAsync(cart.Id, Ct))!.Status);
    }

    [Fact]
    public async Task Webhook_WithAForgedSignatureOrForAnotherStore_Is401AndStoresNothing()
    {
        var (_, store) = await _host.ConnectAsync();
        using var client = new HttpClient { BaseAddress = _host.BaseUrl };
        var body = """{"id":1,"status":"pending"}""";

        HttpRequestMessage Request(long storeId, string signature)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, $"/webhooks/woocommerce/{storeId}") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Add("X-WC-Webhook-Topic", "order.created");
            request.Headers.Add("X-WC-Webhook-Signature", signature);
            request.Headers.Add("X-WC-Webhook-Delivery-ID", "d1");
            return request;
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(Request(store!.Id, Convert.ToBase64String(new byte[32])), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(Request(store.Id + 99, Convert.ToBase64String(new byte[32])), Ct)).StatusCode);
        Assert.Equal(0, await InboxCountAsync());
    }

    [Fact]
    public async Task Webhook_AfterAReconnectionRotatedTheSecret_TakesTheNewSecretAtOnceAndRefusesTheOld()
    {
        var (_, store) = await _host.ConnectAsync();
        using var client = new HttpClient { BaseAddress = _host.BaseUrl };
        async Task<HttpStatusCode> SendAsync(string secret, string deliveryId)
        {
            var body = $$"""{"id":{{deliveryId.Length}},"status":"pending"}""";
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/webhooks/woocommerce/{store!.Id}") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Add("X-WC-Webhook-Topic", "order.created");
            request.Headers.Add("X-WC-Webhook-Signature", Convert.ToBase64String(System.Security.Cryptography.HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body))));
            request.Headers.Add("X-WC-Webhook-Delivery-ID", deliveryId);
            return (await client.SendAsync(request, Ct)).StatusCode;
        }
        async Task<string> SecretAsync() => (await _host.App.Service<IStoreCredentialRepository>().GetAsync(store!.Id, Ct))!.Extra["webhook_secret"];
        var first = await SecretAsync();
        // Remembered by the endpoint from here on.
        Assert.Equal(HttpStatusCode.OK, await SendAsync(first, "d1"));

        await _host.ConnectAsync();
        var second = await SecretAsync();

        Assert.NotEqual(first, second);
        Assert.Equal(HttpStatusCode.Unauthorized, await SendAsync(first, "d22"));
        Assert.Equal(HttpStatusCode.OK, await SendAsync(second, "d333"));
        Assert.Equal(2, await InboxCountAsync());
    }

    [Fact]
    public async Task Ping_IsAnswered200AndNotStored()
    {
        var (_, store) = await _host.ConnectAsync();
        using var client = new HttpClient { BaseAddress = _host.BaseUrl };

        var response = await client.PostAsync($"/webhooks/woocommerce/{store!.Id}",
            new StringContent("webhook_id=12", Encoding.UTF8, "application/x-www-form-urlencoded"), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, await InboxCountAsync());
    }

    [Fact]
    public async Task CreateStoreApi_WithPastedKeys_ConnectsAndWithWrongKeysRefuses()
    {
        var key = _host.Shop.AddApiKey();
        using var admin = _host.Admin();

        var bad = await admin.PostAsJsonAsync("/api/stores", new { platform = "woocommerce", siteUrl = _host.Shop.BaseUrl, consumerKey = key.ConsumerKey, consumerSecret = "cs_wrong_secret_0000000000000000000000000" }, Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.Empty(await _host.App.Service<IStoreRepository>().ListAsync(Ct));

        var good = await admin.PostAsJsonAsync("/api/stores", new { platform = "woocommerce", siteUrl = _host.Shop.BaseUrl, consumerKey = key.ConsumerKey, consumerSecret = key.ConsumerSecret }, Ct);
        Assert.Equal(HttpStatusCode.Created, good.StatusCode);
        using var json = JsonDocument.Parse(await good.Content.ReadAsStringAsync(Ct));
        Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("publicKey").GetString()));
    }
}
