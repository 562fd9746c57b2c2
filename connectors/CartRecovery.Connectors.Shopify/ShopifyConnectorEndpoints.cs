using CartRecovery.Connectors.Shopify.Auth;
using CartRecovery.Connectors.Shopify.Embedded;
using CartRecovery.Connectors.Shopify.Webhooks;
using Microsoft.AspNetCore.Routing;

namespace CartRecovery.Connectors.Shopify;

public static class ShopifyConnectorEndpoints
{
    /// <summary>
    /// Maps Shopify's whole HTTP surface: the public-app install (<c>/auth/shopify</c> and its callback), the webhooks
    /// (<c>POST /webhooks/shopify</c>) and the embedded app's entry (<c>/shopify</c>) and bounce page
    /// (<c>/app/session-token</c>). Needs from the host: <see cref="Core.Webhooks.IWebhookIntake"/>.
    /// </summary>
    public static IEndpointRouteBuilder MapShopifyConnector(this IEndpointRouteBuilder app)
    {
        app.MapShopifyInstall();
        app.MapShopifyWebhooks();
        app.MapShopifyEmbedded();
        return app;
    }

    /// <summary>
    /// The origins that may frame the embedded app for <paramref name="shop"/> (<c>frame-ancestors</c>: the shop's own
    /// domain and <c>admin.shopify.com</c>, https://shopify.dev/docs/apps/build/security/set-up-iframe-protection), or
    /// null when it is not a valid <c>name.myshopify.com</c> domain.
    /// </summary>
    public static string? AdminFrameAncestors(string? shop) =>
        ShopifyHmac.IsValidShopDomain(shop) ? $"https://{shop} https://admin.shopify.com" : null;
}
