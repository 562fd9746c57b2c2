using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CartRecovery.Testing.Emulators.Shopify;

namespace CartRecovery.Connectors.Tests.Shopify.Emulator;

/// <summary>Webhook payload shapes and Shopify-like delivery: signing, timeout, retries with the same id.</summary>
public sealed class ShopifyEmulatorWebhookTests
{
    [Fact]
    public async Task SendWebhookWithRetriesAsync_WhenAppFailsTwice_RetriesWithSameIdUntilAccepted()
    {
        await using var shop = await ShopifyEmulator.StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync(500, 503);
        var waits = new List<TimeSpan>();

        var attempts = await shop.SendWebhookWithRetriesAsync(receiver.Url, "orders/create", "{\"id\":1}", delay: (_, wait) =>
        {
            waits.Add(wait);
            return Task.CompletedTask;
        });

        Assert.Equal([500, 503, 200], attempts.Select(a => a.StatusCode));
        Assert.Single(attempts.Select(a => a.WebhookId).Distinct());
        Assert.Single(receiver.Received.Select(r => r.Headers["X-Shopify-Webhook-Id"].ToString()).Distinct());
        Assert.Equal(2, waits.Count);
        Assert.True(waits[1] > waits[0]);
    }

    [Fact]
    public async Task SendWebhookWithRetriesAsync_WhenAppNeverAccepts_StopsAfterShopifysNineAttempts()
    {
        await using var shop = await ShopifyEmulator.StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync(Enumerable.Repeat(500, 20).ToArray());

        var attempts = await shop.SendWebhookWithRetriesAsync(receiver.Url, "checkouts/update", "{}");

        Assert.Equal(9, attempts.Count);
        Assert.All(attempts, a => Assert.False(a.Succeeded));
    }

    [Fact]
    public async Task SendWebhookAsync_WhenAppIsSlowerThanTimeout_Records504WithoutStatus()
    {
        await using var shop = await ShopifyEmulator.StartAsync(new ShopifyEmulatorOptions { WebhookTimeout = TimeSpan.FromMilliseconds(200) });
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Delay = TimeSpan.FromSeconds(1);

        using var response = await shop.SendWebhookAsync(receiver.Url, "checkouts/create", "{}");

        Assert.Equal(504, (int)response.StatusCode);
        Assert.Null(Assert.Single(shop.DeliveredWebhooks).StatusCode);
    }

    [Fact]
    public async Task SendWebhookAsync_WithSecretOverrideOrTamper_SignatureNoLongerVerifies()
    {
        await using var shop = await ShopifyEmulator.StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync();

        (await shop.SendWebhookAsync(receiver.Url, "shop/redact", shop.ShopRedactPayload(), secretOverride: "not-the-secret")).Dispose();
        (await shop.SendWebhookAsync(receiver.Url, "shop/redact", shop.ShopRedactPayload(),
            tamper: r => r.Content = new StringContent("{\"shop_id\":1}", Encoding.UTF8, "application/json"))).Dispose();

        Assert.All(receiver.Received, r => Assert.NotEqual(
            Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(shop.ClientSecret), r.Body)),
            r.Headers["X-Shopify-Hmac-Sha256"].ToString()));
    }

    [Fact]
    public async Task TriggerWebhookAsync_SendsToEverySubscriptionOfTheTopic()
    {
        await using var shop = await ShopifyEmulator.StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        using var http = new EmulatorHttp(shop);
        const string mutation = """
            mutation($sub: WebhookSubscriptionInput!) { webhookSubscriptionCreate(topic: APP_UNINSTALLED, webhookSubscription: $sub) { userErrors { message } } }
            """;
        await http.GraphQlAsync(shop.IssueOfflineToken(false).AccessToken, mutation,
            new JsonObject { ["sub"] = new JsonObject { ["callbackUrl"] = receiver.Url.ToString() } });

        var statuses = await shop.TriggerWebhookAsync("app/uninstalled", shop.AppUninstalledPayload());

        Assert.Equal([System.Net.HttpStatusCode.OK], statuses);
        var body = JsonNode.Parse(Assert.Single(receiver.Received).Body)!;
        Assert.Equal(shop.ShopDomain, body["myshopify_domain"]!.GetValue<string>());
        Assert.Equal(shop.ShopId, body["id"]!.GetValue<long>());
    }

    [Fact]
    public async Task CheckoutPayload_IsRestShapeWithNumericIdsStringMoneyAndNoImages()
    {
        await using var shop = await ShopifyEmulator.StartAsync();
        shop.AddCheckout(new ShopifyEmulatorCheckout
        {
            Id = 981_820_079_255_243_537,
            Email = "anna@example.com",
            Lines = [new(39_072_856_482_206, 6_965_161_664_606, "Linen shirt", "Blue / M", "LS-1", 2, "49.9", "https://cdn.example/v.jpg")],
        });

        using var payload = JsonDocument.Parse(shop.CheckoutPayload(981_820_079_255_243_537));
        using var modern = JsonDocument.Parse(shop.CheckoutPayload(981_820_079_255_243_537, includeId: false));

        var root = payload.RootElement;
        Assert.Equal(981_820_079_255_243_537, root.GetProperty("id").GetInt64());
        Assert.False(modern.RootElement.TryGetProperty("id", out _));
        Assert.Equal("99.80", root.GetProperty("total_price").GetString());
        var line = root.GetProperty("line_items")[0];
        Assert.Equal(39_072_856_482_206, line.GetProperty("variant_id").GetInt64());
        Assert.Equal("49.90", line.GetProperty("price").GetString());
        Assert.Equal("99.80", line.GetProperty("line_price").GetString());
        Assert.DoesNotContain("cdn.example", root.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Number, root.GetProperty("customer").GetProperty("id").ValueKind);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+01:00$", root.GetProperty("created_at").GetString()!);
    }

    [Fact]
    public async Task OrderPayload_CarriesTheCheckoutTokenAndDiscountCode()
    {
        await using var shop = await ShopifyEmulator.StartAsync();
        var checkout = shop.AddCheckout(new ShopifyEmulatorCheckout { Id = 7, Email = "anna@example.com", Lines = [new(1, 2, "Mug", UnitPrice: "20.00")] });

        using var order = JsonDocument.Parse(shop.OrderPayload(7, 450_789_469, total: "18.00", discountCode: "CR-ABC"));

        var root = order.RootElement;
        Assert.Equal(checkout.Token, root.GetProperty("checkout_token").GetString());
        Assert.Equal(checkout.CartToken, root.GetProperty("cart_token").GetString());
        Assert.Equal("gid://shopify/Order/450789469", root.GetProperty("admin_graphql_api_id").GetString());
        Assert.Equal("CR-ABC", root.GetProperty("discount_codes")[0].GetProperty("code").GetString());
        Assert.Equal("2.00", root.GetProperty("total_discounts").GetString());
    }

    [Fact]
    public async Task CompliancePayloads_CarryTheDocumentedFields()
    {
        await using var shop = await ShopifyEmulator.StartAsync();

        using var redact = JsonDocument.Parse(shop.CustomersRedactPayload(207_119_551, "anna@example.com", ordersToRedact: [299_938_065]));
        using var request = JsonDocument.Parse(shop.CustomersDataRequestPayload(207_119_551, "anna@example.com", dataRequestId: 9999));
        using var shopRedact = JsonDocument.Parse(shop.ShopRedactPayload());

        Assert.Equal(shop.ShopId, redact.RootElement.GetProperty("shop_id").GetInt64());
        Assert.Equal(299_938_065, redact.RootElement.GetProperty("orders_to_redact")[0].GetInt64());
        Assert.Equal("anna@example.com", redact.RootElement.GetProperty("customer").GetProperty("email").GetString());
        Assert.Equal(9999, request.RootElement.GetProperty("data_request").GetProperty("id").GetInt64());
        Assert.Equal(shop.ShopDomain, shopRedact.RootElement.GetProperty("shop_domain").GetString());
    }
}
