using CartRecovery.Connectors.WooCommerce.Capture;
using CartRecovery.Connectors.WooCommerce.Webhooks;
using Microsoft.AspNetCore.Routing;

namespace CartRecovery.Connectors.WooCommerce;

public static class WooCommerceConnectorEndpoints
{
    /// <summary>
    /// Maps WooCommerce's HTTP surface: the webhooks (<c>POST /webhooks/woocommerce/{storeId}</c>) and the storefront
    /// capture script and endpoint (<c>/capture/{publicKey}</c>). Needs from the host: <see cref="Core.Webhooks.IWebhookIntake"/>,
    /// and <c>UseRateLimiter()</c> before it.
    /// </summary>
    public static IEndpointRouteBuilder MapWooCommerceConnector(this IEndpointRouteBuilder app)
    {
        app.MapWooCommerceWebhooks();
        app.MapCapture();
        return app;
    }

    /// <summary>The tag the merchant adds to the shop's pages to capture carts (the settings page shows it to copy).</summary>
    public static string CaptureSnippet(Uri publicBaseUrl, string publicKey) => CaptureEndpoint.Snippet(publicBaseUrl, publicKey);
}
