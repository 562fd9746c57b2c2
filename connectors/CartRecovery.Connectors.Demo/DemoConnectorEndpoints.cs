using CartRecovery.Connectors.Demo.Storefront;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CartRecovery.Connectors.Demo;

public static class DemoConnectorEndpoints
{
    /// <summary>
    /// Maps the demo shop's storefront under <c>/demo/</c>: products with "Add to cart", the visitor's cart, a checkout
    /// that asks for an email, name and consent, and the cart page a restore link lands on, where the order is placed.
    /// </summary>
    public static IEndpointRouteBuilder MapDemoConnector(this IEndpointRouteBuilder app)
    {
        var demo = app.MapGroup("/demo").ExcludeFromDescription();
        CatalogPages.Map(demo);
        CartPages.Map(demo);
        OrderPages.Map(demo);
        return app;
    }
}
