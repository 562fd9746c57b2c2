using CartRecovery.Connectors.Shopify.Auth;
using CartRecovery.Connectors.Shopify.Webhooks;
using Microsoft.AspNetCore.Routing;

namespace CartRecovery.Connectors.Shopify;

public static class ShopifyConnectorEndpoints
{
    /// <summary>
    /// Maps Shopify's whole HTTP surface: the public-app install (<c>/auth/shopify</c> and its callback) and the webhooks
    /// (<c>POST /webhooks/shopify</c>). Needs from the host: <see cref="Core.Webhooks.IWebhookIntake"/>.
    /// </summary>
    public static IEndpointRouteBuilder MapShopifyConnector(this IEndpointRouteBuilder app)
    {
        app.MapShopifyInstall();
        app.MapShopifyWebhooks();
        return app;
    }
}
