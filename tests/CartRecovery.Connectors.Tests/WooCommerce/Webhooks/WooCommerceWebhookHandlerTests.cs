using System.Text.Json;
using CartRecovery.Connectors.Tests.WooCommerce.Support;
using CartRecovery.Connectors.WooCommerce.Webhooks;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Stores;
using CartRecovery.Core.Webhooks;

namespace CartRecovery.Connectors.Tests.WooCommerce.Webhooks;

public sealed class WooCommerceWebhookHandlerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Handle_PendingOrder_CreatesItsCart()
    {
        await using var kit = await WooCommerceTestKit.StartAsync();
        var (store, _) = await kit.SeedStoreAsync();

        await kit.Get<WooCommerceWebhookHandler>().HandleAsync(Delivery(store, "order.created", Order("pending")), Ct);

        var cart = Assert.Single(kit.Carts.All);
        Assert.Equal(("4711", CartStatus.Active, "lea.martin@example.org"), (cart.ExternalId, cart.Status, cart.Contact.Email));
    }

    [Fact]
    public async Task Handle_TheSameDeliveryTwice_ChangesNothingTheSecondTime()
    {
        await using var kit = await WooCommerceTestKit.StartAsync();
        var (store, _) = await kit.SeedStoreAsync();
        var handler = kit.Get<WooCommerceWebhookHandler>();
        var delivery = Delivery(store, "order.updated", Order("pending"));

        await handler.HandleAsync(delivery, Ct);
        var before = Assert.Single(kit.Carts.All);
        await handler.HandleAsync(delivery, Ct);

        Assert.Equal(before, Assert.Single(kit.Carts.All));
    }

    [Theory]
    [InlineData("processing")]
    [InlineData("completed")]
    public async Task Handle_OrderThatWasPaid_ConvertsItsCartAtOnce(string status)
    {
        await using var kit = await WooCommerceTestKit.StartAsync();
        var (store, _) = await kit.SeedStoreAsync();
        var handler = kit.Get<WooCommerceWebhookHandler>();
        await handler.HandleAsync(Delivery(store, "order.created", Order("pending")), Ct);

        await handler.HandleAsync(Delivery(store, "order.updated", Order(status, paidAt: "2026-11-23T09:15:00")), Ct);

        var cart = Assert.Single(kit.Carts.All);
        Assert.Equal(CartStatus.ConvertedUnassisted, cart.Status);
        Assert.Equal(("4711", 8370L), (cart.OrderId, cart.OrderTotalMinor));
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 9, 15, 0, TimeSpan.Zero), cart.ConvertedAt);
    }

    [Fact]
    public async Task Handle_PaidOrderDeliveredTwice_ConvertsOnce()
    {
        await using var kit = await WooCommerceTestKit.StartAsync();
        var (store, _) = await kit.SeedStoreAsync();
        var handler = kit.Get<WooCommerceWebhookHandler>();
        await handler.HandleAsync(Delivery(store, "order.created", Order("pending")), Ct);
        var paid = Delivery(store, "order.updated", Order("processing", paidAt: "2026-11-23T09:15:00"));

        await handler.HandleAsync(paid, Ct);
        var converted = Assert.Single(kit.Carts.All);
        await handler.HandleAsync(paid with { ReceivedAt = paid.ReceivedAt.AddMinutes(1) }, Ct);

        Assert.Equal(converted, Assert.Single(kit.Carts.All));
    }

    [Fact]
    public async Task Handle_CancelledOrder_ExpiresItsCart()
    {
        await using var kit = await WooCommerceTestKit.StartAsync();
        var (store, _) = await kit.SeedStoreAsync();
        var handler = kit.Get<WooCommerceWebhookHandler>();
        await handler.HandleAsync(Delivery(store, "order.created", Order("pending")), Ct);

        await handler.HandleAsync(Delivery(store, "order.updated", Order("cancelled")), Ct);

        Assert.Equal(CartStatus.Expired, Assert.Single(kit.Carts.All).Status);
    }

    [Fact]
    public async Task Handle_OrderMovedToTheTrash_ExpiresItsCartFromTheIdAlone()
    {
        await using var kit = await WooCommerceTestKit.StartAsync();
        var (store, _) = await kit.SeedStoreAsync();
        var handler = kit.Get<WooCommerceWebhookHandler>();
        await handler.HandleAsync(Delivery(store, "order.created", Order("pending")), Ct);

        await handler.HandleAsync(Delivery(store, "order.deleted", "{\"id\":4711}"), Ct);

        Assert.Equal(CartStatus.Expired, Assert.Single(kit.Carts.All).Status);
    }

    [Fact]
    public async Task Handle_DeliveryForAnUninstalledStore_IsIgnored()
    {
        await using var kit = await WooCommerceTestKit.StartAsync();
        var (store, _) = await kit.SeedStoreAsync(status: StoreStatus.Uninstalled);

        await kit.Get<WooCommerceWebhookHandler>().HandleAsync(Delivery(store, "order.created", Order("pending")), Ct);

        Assert.Empty(kit.Carts.All);
    }

    [Fact]
    public async Task Handle_DeliveryWithoutStoreId_Throws()
    {
        await using var kit = await WooCommerceTestKit.StartAsync();
        var (store, _) = await kit.SeedStoreAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            kit.Get<WooCommerceWebhookHandler>().HandleAsync(Delivery(store, "order.created", Order("pending")) with { StoreId = null }, Ct));
    }

    [Fact]
    public async Task Handle_BodyThatIsNotJson_ThrowsSoTheInboxKeepsIt()
    {
        await using var kit = await WooCommerceTestKit.StartAsync();
        var (store, _) = await kit.SeedStoreAsync();

        await Assert.ThrowsAnyAsync<JsonException>(() => kit.Get<WooCommerceWebhookHandler>().HandleAsync(Delivery(store, "order.created", "<html>"), Ct));
    }

    private static string Order(string status, string? paidAt = null) => WooCommerceFixtures.Text("order_pending.json")
        .Replace("\"status\":\"pending\"", $"\"status\":\"{status}\"", StringComparison.Ordinal)
        .Replace("\"date_modified_gmt\":\"2026-11-22T17:03:40\"", $"\"date_modified_gmt\":\"{(paidAt ?? (status == "pending" ? "2026-11-22T17:03:40" : "2026-11-22T19:00:00"))}\"", StringComparison.Ordinal)
        .Replace("\"date_paid_gmt\":null", paidAt is null ? "\"date_paid_gmt\":null" : $"\"date_paid_gmt\":\"{paidAt}\"", StringComparison.Ordinal);

    private static WebhookDelivery Delivery(Store store, string topic, string body) => new()
    {
        Platform = Platforms.WooCommerce,
        DeliveryId = "d-" + topic + body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Topic = topic,
        StoreId = store.Id,
        Body = body,
        ReceivedAt = DateTimeOffset.UtcNow,
    };
}
