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
        WooCommerceStoreConnections connections, IWebhookIntake intake, CancellationToken ct)
    {
        var body = await WebhookBody.ReadAsync(request.Body, request.ContentLength, ct);
        if (body is null)
            return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Payload too large");

        var topic = request.Headers[WooCommerceWebhook.TopicHeader].ToString();
        var signature = request.Headers[WooCommerceWebhook.SignatureHeader].ToString();
        if (WooCommerceWebhook.IsPing(body, topic, signature))
            return Results.Ok();

        var store = await stores.GetAsync(storeId, ct);
        var secret = store?.Platform == Platforms.WooCommerce ? await connections.GetWebhookSecretAsync(storeId, ct) : null;
        if (secret is null || !WooCommerceWebhook.IsValidSignature(body, signature, secret))
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
            ShopRef = store!.ExternalId,
            Body = System.Text.Encoding.UTF8.GetString(body),
            ReceivedAt = default,
        }, ct);
        return Results.Ok();
    }
}
