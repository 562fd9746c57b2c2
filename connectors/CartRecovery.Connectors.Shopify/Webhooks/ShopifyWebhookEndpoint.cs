using CartRecovery.Connectors.Shopify.Auth;
using CartRecovery.Core.Stores;
using CartRecovery.Core.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace CartRecovery.Connectors.Shopify.Webhooks;

/// <summary>
/// <c>POST /webhooks/shopify</c>: the HMAC of the raw body is checked before anything else (401, no detail, when it
/// fails), then the delivery is stored and acknowledged well inside Shopify's 5-second budget; processing follows.
/// </summary>
internal static class ShopifyWebhookEndpoint
{
    public static IEndpointRouteBuilder MapShopifyWebhooks(this IEndpointRouteBuilder app)
    {
        app.MapPost("/webhooks/shopify", ReceiveAsync).DisableAntiforgery().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> ReceiveAsync(HttpRequest request, IOptions<ShopifyOptions> options, IStoreRepository stores,
        IStoreCredentialRepository credentials, WebhookSigners signers, IWebhookIntake intake, CancellationToken ct)
    {
        var body = await WebhookBody.ReadAsync(request.Body, request.ContentLength, ct);
        if (body is null)
            return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Payload too large");

        // The public app's secret signs what Shopify sends for installed shops; a custom app connected by token signs with
        // its own secret, kept with the store's credentials. The shop header only chooses which secret to try.
        var shop = request.Headers["X-Shopify-Shop-Domain"].ToString();
        var hmac = request.Headers["X-Shopify-Hmac-Sha256"].ToString();
        var key = "shopify:" + shop;
        Task<ShopSigner> LoadAsync(CancellationToken token) => LoadSignerAsync(shop, stores, credentials, token);
        var signer = shop.Length == 0 ? ShopSigner.Unknown : await signers.GetAsync(key, LoadAsync, ct);
        var appSecret = options.Value.ClientSecret;
        bool Verifies(ShopSigner s) =>
            (appSecret is { Length: > 0 } && ShopifyHmac.IsValidWebhook(body, hmac, appSecret))
            || (s.Secret is { } storeSecret && ShopifyHmac.IsValidWebhook(body, hmac, storeSecret));
        var valid = Verifies(signer);
        if (!valid && shop.Length > 0 && await signers.RefreshAsync(key, LoadAsync, ct) is { } fresh)
            (signer, valid) = (fresh, Verifies(fresh));
        if (!valid)
            return Results.Unauthorized();

        var topic = request.Headers["X-Shopify-Topic"].ToString();
        var webhookId = request.Headers["X-Shopify-Webhook-Id"].ToString();
        if (topic.Length == 0 || shop.Length == 0 || webhookId.Length == 0)
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Missing Shopify headers",
                detail: "X-Shopify-Topic, X-Shopify-Shop-Domain and X-Shopify-Webhook-Id are required.");

        if (!WebhookBody.IsJson(body))
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Malformed body", detail: "The body must be a JSON document in UTF-8.");

        await intake.AcceptAsync(new WebhookDelivery
        {
            Platform = Platforms.Shopify,
            DeliveryId = webhookId,
            Topic = topic,
            StoreId = signer.StoreId,
            ShopRef = shop,
            Body = System.Text.Encoding.UTF8.GetString(body),
            TriggeredAt = DateTimeOffset.TryParse(request.Headers["X-Shopify-Triggered-At"], System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AssumeUniversal, out var triggered) ? triggered : null,
            ReceivedAt = default,
        }, ct);
        return Results.Ok();
    }

    private static async Task<ShopSigner> LoadSignerAsync(string shop, IStoreRepository stores, IStoreCredentialRepository credentials,
        CancellationToken ct)
    {
        if (await stores.FindAsync(Platforms.Shopify, shop, ct) is not { } store)
            return ShopSigner.Unknown;
        var saved = await credentials.GetAsync(store.Id, ct);
        return new ShopSigner(store.Id, saved is not null && saved.Extra.TryGetValue(ShopifyOnboarding.WebhookSecretKey, out var secret) ? secret : null);
    }

    /// <summary>The store a shop domain names, and the secret of its custom app when it was connected by token.</summary>
    private sealed record ShopSigner(long? StoreId, string? Secret)
    {
        public static readonly ShopSigner Unknown = new(null, null);
    }
}
