using System.Security.Cryptography;
using System.Text;
using CartRecovery.Connectors.Tests.WooCommerce.Support;
using CartRecovery.Connectors.WooCommerce.Webhooks;

namespace CartRecovery.Connectors.Tests.WooCommerce.Webhooks;

public sealed class WooCommerceWebhookTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const string Secret = "tB1m3Yx0z6U5pQ2aVnH8sK4wE7rC9dLf";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("{\"id\":4711,\"status\":\"pending\",\"payment_url\":\"https:\\/\\/shop.test\\/checkout\\/order-pay\\/4711\\/\"}");

    [Fact]
    public async Task IsValidSignature_ADeliveryFromTheEmulatedShop_IsValidOnTheRawBytes()
    {
        await using var receiver = await LoopbackReceiver.StartAsync();
        await using var kit = await WooCommerceTestKit.StartAsync();
        var key = kit.Emulator.AddApiKey();
        var webhook = await kit.Get<CartRecovery.Connectors.WooCommerce.Api.WooCommerceClient>()
            .CreateWebhookAsync(kit.Connection(key), "order.updated", receiver.BaseUrl, Secret, "test", Ct);
        var orderId = kit.Emulator.AddOrder(o => o.Billing("zoë@example.org", "Zoë"));

        await kit.Emulator.SendOrderWebhookAsync(webhook.Id, orderId, ct: Ct);

        var delivery = receiver.Received[^1];
        Assert.True(WooCommerceWebhook.IsValidSignature(delivery.Body, delivery.Header(WooCommerceWebhook.SignatureHeader), Secret));
        Assert.Equal("order.updated", delivery.Header(WooCommerceWebhook.TopicHeader));
        Assert.Equal(("order", "updated"), (delivery.Header(WooCommerceWebhook.ResourceHeader), delivery.Header(WooCommerceWebhook.EventHeader)));
        Assert.Equal("http://shop.test/", delivery.Header(WooCommerceWebhook.SourceHeader));
        Assert.Equal(32, delivery.Header(WooCommerceWebhook.DeliveryIdHeader)!.Length);
        Assert.StartsWith("WooCommerce/10.3.0 Hookshot (WordPress/", delivery.Header("User-Agent"), StringComparison.Ordinal);
        Assert.Contains("zo\\u00eb@example.org", delivery.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public void IsValidSignature_SignedWithTheSecret_IsValid() =>
        Assert.True(WooCommerceWebhook.IsValidSignature(Body, Sign(Body, Secret), Secret));

    [Fact]
    public void IsValidSignature_SignedWithAnotherSecret_IsForged() =>
        Assert.False(WooCommerceWebhook.IsValidSignature(Body, Sign(Body, "not-the-secret"), Secret));

    [Fact]
    public void IsValidSignature_BodyAlteredAfterSigning_IsInvalid()
    {
        var signature = Sign(Body, Secret);
        var altered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Body).Replace("pending", "completed", StringComparison.Ordinal));

        Assert.False(WooCommerceWebhook.IsValidSignature(altered, signature, Secret));
    }

    [Fact]
    public void IsValidSignature_ReencodedJsonWithTheSameMeaning_IsInvalid()
    {
        // The signature covers bytes: "https:\/\/" and "https://" parse alike but are not the body WooCommerce signed.
        var signature = Sign(Body, Secret);
        var reencoded = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Body).Replace("\\/", "/", StringComparison.Ordinal));

        Assert.False(WooCommerceWebhook.IsValidSignature(reencoded, signature, Secret));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not base64!")]
    [InlineData("c2hvcnQ=")]
    public void IsValidSignature_MissingOrMalformedHeader_IsInvalid(string? header) =>
        Assert.False(WooCommerceWebhook.IsValidSignature(Body, header, Secret));

    [Fact]
    public async Task IsPing_WhatWooCommerceSendsWhenAWebhookIsCreated_IsAPing()
    {
        await using var receiver = await LoopbackReceiver.StartAsync();
        await using var kit = await WooCommerceTestKit.StartAsync();
        var key = kit.Emulator.AddApiKey();

        await kit.Get<CartRecovery.Connectors.WooCommerce.Api.WooCommerceClient>()
            .CreateWebhookAsync(kit.Connection(key), "order.created", receiver.BaseUrl, Secret, "test", Ct);

        var ping = Assert.Single(receiver.Received);
        Assert.StartsWith("application/x-www-form-urlencoded", ping.Header("Content-Type"), StringComparison.Ordinal);
        Assert.True(WooCommerceWebhook.IsPing(ping.Body, ping.Header(WooCommerceWebhook.TopicHeader), ping.Header(WooCommerceWebhook.SignatureHeader)));
    }

    [Theory]
    [InlineData("webhook_id=", null, null)]
    [InlineData("webhook_id=12&x=1", null, null)]
    [InlineData("webhook_id=12", "order.created", null)]
    [InlineData("webhook_id=12", null, "c2lnbmF0dXJl")]
    [InlineData("{\"id\":12}", null, null)]
    public void IsPing_AnythingElse_IsNotAPing(string body, string? topic, string? signature) =>
        Assert.False(WooCommerceWebhook.IsPing(Encoding.UTF8.GetBytes(body), topic, signature));

    [Fact]
    public void DeliveryKey_TwoDeliveriesSharingWooCommercesSecondBasedId_StayApart()
    {
        var other = Encoding.UTF8.GetBytes("{\"id\":4712,\"status\":\"pending\"}");

        Assert.NotEqual(WooCommerceWebhook.DeliveryKey("0f2d9b", Body), WooCommerceWebhook.DeliveryKey("0f2d9b", other));
        Assert.Equal(WooCommerceWebhook.DeliveryKey("0f2d9b", Body), WooCommerceWebhook.DeliveryKey("0f2d9b", Body.ToArray()));
    }

    [Fact]
    public async Task DeliveryId_OfTwoOrdersSentInTheSameSecond_IsTheSameAsOnWooCommerce()
    {
        await using var receiver = await LoopbackReceiver.StartAsync();
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var kit = await WooCommerceTestKit.StartAsync(new() { HomeUrl = WooCommerceTestKit.DefaultHome, Time = clock }, time: clock);
        var key = kit.Emulator.AddApiKey();
        var webhook = await kit.Get<CartRecovery.Connectors.WooCommerce.Api.WooCommerceClient>()
            .CreateWebhookAsync(kit.Connection(key), "order.updated", receiver.BaseUrl, Secret, "test", Ct);

        var first = await kit.Emulator.SendOrderWebhookAsync(webhook.Id, kit.Emulator.AddOrder(), ct: Ct);
        var second = await kit.Emulator.SendOrderWebhookAsync(webhook.Id, kit.Emulator.AddOrder(), ct: Ct);

        Assert.Equal(first.DeliveryId, second.DeliveryId);
        Assert.NotEqual(
            WooCommerceWebhook.DeliveryKey(first.DeliveryId, Encoding.UTF8.GetBytes(first.Body)),
            WooCommerceWebhook.DeliveryKey(second.DeliveryId, Encoding.UTF8.GetBytes(second.Body)));
    }

    private static string Sign(byte[] body, string secret) => Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
}
