using System.Net;
using System.Security.Cryptography;
using System.Text;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Messages;
using CartRecovery.Core.Privacy;
using CartRecovery.Core.Recovery;
using CartRecovery.Core.Stores;
using CartRecovery.Data.Connections;
using CartRecovery.Testing.Emulators.Shopify;
using Dapper;

namespace CartRecovery.Web.Tests.Features.Shopify;

public sealed class ShopifyWebhookTests : IAsyncLifetime
{
    private ShopifyHost _host = null!;
    private Store _store = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await ShopifyHost.StartAsync();
        _store = await _host.InstalledStoreAsync();
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    private ShopifyEmulatorCheckout AddCheckout(long id, string email = "ana@example.com") => _host.Shopify.AddCheckout(new ShopifyEmulatorCheckout
    {
        Id = id,
        Email = email,
        FirstName = "Ana",
        AcceptsMarketing = true,
        Lines = [new ShopifyEmulatorLine(4401, 7701, "Trail Boots", "EU 42", "BOOT-42", 1, "145.00", "https://cdn.example/boots.png")],
    });

    private async Task<long> InboxCountAsync()
    {
        await using var db = await _host.App.Service<IDbConnectionFactory>().OpenAsync(ShopifyHost.Ct);
        return await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM webhook_deliveries");
    }

    private Task<Cart?> CartAsync(long checkoutId) =>
        _host.App.Service<ICartRepository>().FindByRefAsync(_store.Id, checkoutId.ToString(System.Globalization.CultureInfo.InvariantCulture), ShopifyHost.Ct);

    [Fact]
    public async Task Receive_WhenTheSignedBodyIsNotValidUtf8_Is400AndStoresNothing()
    {
        var body = Encoding.UTF8.GetBytes("""{"id":1,"email":"ana@example.com"}""");
        body[body.AsSpan().IndexOf("ana@"u8) + 1] = 0xC3;
        using var request = new HttpRequestMessage(HttpMethod.Post, _host.WebhookUrl) { Content = new ByteArrayContent(body) };
        request.Headers.Add("X-Shopify-Topic", "checkouts/create");
        request.Headers.Add("X-Shopify-Shop-Domain", _host.Shopify.ShopDomain);
        request.Headers.Add("X-Shopify-Webhook-Id", "wh-invalid-utf8");
        request.Headers.Add("X-Shopify-Hmac-Sha256",
            Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(_host.Shopify.ClientSecret), body)));

        var response = await _host.NewBrowser().SendAsync(request, ShopifyHost.Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await _host.ProcessWebhooksAsync());
    }

    [Fact]
    public async Task CheckoutCreate_WhenSigned_IsStoredBeforeTheAckAndBecomesACartWithImages()
    {
        AddCheckout(5001);

        using var response = await _host.Shopify.SendWebhookAsync(_host.WebhookUrl, "checkouts/create", _host.Shopify.CheckoutPayload(5001));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, await InboxCountAsync());
        Assert.Equal(1, await _host.ProcessWebhooksAsync());
        var cart = (await CartAsync(5001))!;
        Assert.Equal(("ana@example.com", 14500L, "EUR"), (cart.Contact.Email, cart.TotalMinor, cart.Currency));
        var line = Assert.Single(cart.Lines);
        Assert.Equal(("Trail Boots", "https://cdn.example/boots.png"), (line.Title, line.ImageUrl));
        Assert.NotNull(cart.RestoreUrl);
    }

    [Theory]
    [InlineData("forged")]
    [InlineData("wrong-secret")]
    [InlineData("altered-body")]
    [InlineData("missing-header")]
    public async Task Webhook_WithABadSignature_Is401AndStoresNothing(string attack)
    {
        AddCheckout(5002);
        var body = _host.Shopify.CheckoutPayload(5002);

        using var response = attack switch
        {
            "wrong-secret" => await _host.Shopify.SendWebhookAsync(_host.WebhookUrl, "checkouts/create", body, secretOverride: "not-the-app-secret"),
            _ => await _host.Shopify.SendWebhookAsync(_host.WebhookUrl, "checkouts/create", body, tamper: request =>
            {
                switch (attack)
                {
                    case "forged":
                        request.Headers.Remove("X-Shopify-Hmac-Sha256");
                        request.Headers.Add("X-Shopify-Hmac-Sha256", Convert.ToBase64String(new byte[32]));
                        break;
                    case "missing-header":
                        request.Headers.Remove("X-Shopify-Hmac-Sha256");
                        break;
                    default:
                        // One byte changed after signing.
                        var altered = body.Replace("Trail Boots", "Trail Boots!", StringComparison.Ordinal);
                        request.Content = new StringContent(altered, System.Text.Encoding.UTF8, "application/json");
                        break;
                }
            }),
        };

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, await InboxCountAsync());
    }

    [Fact]
    public async Task Webhook_DeliveredTwice_IsProcessedOnce()
    {
        AddCheckout(5003);
        var body = _host.Shopify.CheckoutPayload(5003);

        using var first = await _host.Shopify.SendWebhookAsync(_host.WebhookUrl, "checkouts/create", body, webhookId: "wh-dup");
        using var second = await _host.Shopify.SendWebhookAsync(_host.WebhookUrl, "checkouts/create", body, webhookId: "wh-dup");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
        Assert.Equal(1, await InboxCountAsync());
    }

    [Fact]
    public async Task Updates_ArrivingOutOfOrder_KeepTheNewestCart()
    {
        var created = AddCheckout(5004);
        var older = _host.Shopify.CheckoutPayload(5004);
        _host.App.Time.Advance(TimeSpan.FromMinutes(2));
        _host.Shopify.UpdateCheckout(5004, c => c with
        {
            Lines = [.. created.Lines, new ShopifyEmulatorLine(4402, 7702, "Merino Beanie", null, "BEANIE", 2, "29.00")],
        });
        var newer = _host.Shopify.CheckoutPayload(5004);

        using (await _host.Shopify.SendWebhookAsync(_host.WebhookUrl, "checkouts/update", newer)) { }
        using (await _host.Shopify.SendWebhookAsync(_host.WebhookUrl, "checkouts/create", older)) { }
        await _host.ProcessWebhooksAsync();

        var cart = (await CartAsync(5004))!;
        Assert.Equal(2, cart.Lines.Count);
        Assert.Equal(14500 + 5800, cart.TotalMinor);
    }

    [Fact]
    public async Task SignedButMalformedBody_Is400AndStoresNothing()
    {
        using var response = await _host.Shopify.SendWebhookAsync(_host.WebhookUrl, "checkouts/create", "{not json");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await InboxCountAsync());
    }

    [Fact]
    public async Task OversizedBody_Is413AndStoresNothing()
    {
        var huge = "{\"note\":\"" + new string('x', 2 * 1024 * 1024) + "\"}";

        using var response = await _host.Shopify.SendWebhookAsync(_host.WebhookUrl, "checkouts/create", huge);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, await InboxCountAsync());
    }

    [Fact]
    public async Task AppUninstalled_StopsTheStoreCancelsMessagesAndDropsTheToken()
    {
        AddCheckout(5005);
        using (await _host.Shopify.SendWebhookAsync(_host.WebhookUrl, "checkouts/create", _host.Shopify.CheckoutPayload(5005))) { }
        await _host.ProcessWebhooksAsync();
        _host.App.Time.Advance(TimeSpan.FromMinutes(16));
        await _host.App.Service<AbandonmentDetector>().RunOnceAsync(ShopifyHost.Ct);

        using (await _host.Shopify.SendWebhookAsync(_host.WebhookUrl, "app/uninstalled", _host.Shopify.AppUninstalledPayload())) { }
        await _host.ProcessWebhooksAsync();

        var store = (await _host.App.Service<IStoreRepository>().GetAsync(_store.Id, ShopifyHost.Ct))!;
        Assert.Equal(StoreStatus.Uninstalled, store.Status);
        Assert.Null(await _host.App.Service<IStoreCredentialRepository>().GetAsync(_store.Id, ShopifyHost.Ct));
        var cart = (await CartAsync(5005))!;
        Assert.All(await _host.App.Service<IMessageRepository>().ListForCartAsync(cart.Id, ShopifyHost.Ct), m => Assert.Equal(MessageStatus.Cancelled, m.Status));
    }

    [Fact]
    public async Task CustomersDataRequest_RecordsAnExportOfThatCustomer()
    {
        AddCheckout(5006, "dora@example.com");
        using (await _host.Shopify.SendWebhookAsync(_host.WebhookUrl, "checkouts/create", _host.Shopify.CheckoutPayload(5006))) { }
        using (await _host.Shopify.SendWebhookAsync(_host.WebhookUrl, "customers/data_request",
            _host.Shopify.CustomersDataRequestPayload(5006, "dora@example.com", dataRequestId: 777))) { }
        await _host.ProcessWebhooksAsync();

        var export = Assert.Single(await _host.App.Service<IPrivacyRepository>().ListExportsAsync(_store.Id, ShopifyHost.Ct));
        Assert.Equal("777", export.RequestId);
        Assert.Contains("dora@example.com", export.Json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShopRedact_ErasesEverythingOfTheShop()
    {
        AddCheckout(5007);
        using (await _host.Shopify.SendWebhookAsync(_host.WebhookUrl, "checkouts/create", _host.Shopify.CheckoutPayload(5007))) { }
        await _host.ProcessWebhooksAsync();

        using (await _host.Shopify.SendWebhookAsync(_host.WebhookUrl, "shop/redact", _host.Shopify.ShopRedactPayload())) { }
        await _host.ProcessWebhooksAsync();

        await using var db = await _host.App.Service<IDbConnectionFactory>().OpenAsync(ShopifyHost.Ct);
        Assert.Equal(0L, await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM carts WHERE store_id = @Id", new { _store.Id }));
        Assert.Equal(0L, await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM webhook_deliveries WHERE store_id = @Id", new { _store.Id }));
        Assert.Null(await _host.App.Service<IStoreCredentialRepository>().GetAsync(_store.Id, ShopifyHost.Ct));
    }
}
