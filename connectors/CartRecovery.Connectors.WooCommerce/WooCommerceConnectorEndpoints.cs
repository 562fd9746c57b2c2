using CartRecovery.Connectors.WooCommerce.Capture;
using CartRecovery.Connectors.WooCommerce.Connect;
using CartRecovery.Connectors.WooCommerce.Webhooks;
using Microsoft.AspNetCore.Routing;

namespace CartRecovery.Connectors.WooCommerce;

public static class WooCommerceConnectorEndpoints
{
    /// <summary>
    /// Maps WooCommerce's HTTP surface: the webhooks (<c>POST /webhooks/woocommerce/{storeId}</c>), the storefront
    /// capture script and endpoint (<c>/capture/{publicKey}</c>) and the connect pages (<c>/connect/woocommerce</c>, its
    /// callback and return). Needs from the host: <see cref="Core.Webhooks.IWebhookIntake"/>, <see cref="Core.Accounts.IPersonSignIn"/>,
    /// and <c>UseRateLimiter()</c> before it.
    /// </summary>
    public static IEndpointRouteBuilder MapWooCommerceConnector(this IEndpointRouteBuilder app)
    {
        app.MapWooCommerceWebhooks();
        app.MapCapture();
        app.MapWooCommerceConnect();
        return app;
    }

    /// <summary>The tag the merchant adds to the shop's pages to capture carts (the settings page shows it to copy).</summary>
    public static string CaptureSnippet(Uri publicBaseUrl, string publicKey) => CaptureEndpoint.Snippet(publicBaseUrl, publicKey);
}
