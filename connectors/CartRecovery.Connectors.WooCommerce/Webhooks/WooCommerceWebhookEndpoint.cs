using CartRecovery.Connectors.WooCommerce.Connect;
using CartRecovery.Core.Stores;
using CartRecovery.Core.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CartRecovery.Connectors.WooCommerce.Webhooks;

/// <summary>
/// <c>POST /webhooks/woocommerce/{storeId}</c>. WooCommerce's ping (sent when a webhook is created) gets exactly 200
/// and nothing is stored; every other delivery must carry a valid <c>X-WC-Webhook-Signature</c> made with the store's
/// own webhook secret (401 otherwise) before it is stored and acknowledged.
/// </summary>
internal static class WooCommerceWebhookEndpoint
{
    public static IEndpointRouteBuilder MapWooCommerceWebhooks(this IEndpointRouteBuilder app)
    {
        app.MapPost("/webhooks/woocommerce/{storeId:long}", ReceiveAsync).DisableAntiforgery().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> ReceiveAsync(long storeId, HttpRequest request, IStoreRepository stores,
        WooCommerceStoreConnections connections, WebhookSigners signers, IWebhookIntake intake, CancellationToken ct)
    {
        var body = await WebhookBody.ReadAsync(request.Body, request.ContentLength, ct);
        if (body is null)
            return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Payload too large");

        var topic = request.Headers[WooCommerceWebhook.TopicHeader].ToString();
        var signature = request.Headers[WooCommerceWebhook.SignatureHeader].ToString();
        if (WooCommerceWebhook.IsPing(body, topic, signature))
            return Results.Ok();

        // The secret is remembered for a burst (decrypted once); one that no longer verifies is read again at once, as
        // after a reconnection that rotated it.
        var key = "woocommerce:" + storeId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Task<ShopSigner> LoadAsync(CancellationToken token) => LoadSignerAsync(storeId, stores, connections, token);
        var signer = await signers.GetAsync(key, LoadAsync, ct);
        if (!signer.Verifies(body, signature)
            && (await signers.RefreshAsync(key, LoadAsync, ct) is not { } fresh || !(signer = fresh).Verifies(body, signature)))
            return Results.Unauthorized();
        if (topic.Length == 0)
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Missing topic", detail: "X-WC-Webhook-Topic is required.");
        if (!WebhookBody.IsJson(body))
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Malformed body", detail: "The body must be a JSON document in UTF-8.");

        await intake.AcceptAsync(new WebhookDelivery
        {
            Platform = Platforms.WooCommerce,
            DeliveryId = WooCommerceWebhook.DeliveryKey(request.Headers[WooCommerceWebhook.DeliveryIdHeader], body),
            Topic = topic,
            StoreId = storeId,
            ShopRef = signer.ShopRef,
            Body = System.Text.Encoding.UTF8.GetString(body),
            ReceivedAt = default,
        }, ct);
        return Results.Ok();
    }

    private static async Task<ShopSigner> LoadSignerAsync(long storeId, IStoreRepository stores, WooCommerceStoreConnections connections,
        CancellationToken ct) =>
        await stores.GetAsync(storeId, ct) is { Platform: Platforms.WooCommerce } store
            ? new ShopSigner(store.ExternalId, await connections.GetWebhookSecretAsync(storeId, ct))
            : new ShopSigner(null, null);

    /// <summary>The shop a store id names and its webhook secret; no secret (an unknown store, another platform) verifies nothing.</summary>
    private sealed record ShopSigner(string? ShopRef, string? Secret)
    {
        public bool Verifies(byte[] body, string signature) => Secret is not null && WooCommerceWebhook.IsValidSignature(body, signature, Secret);
    }
}
