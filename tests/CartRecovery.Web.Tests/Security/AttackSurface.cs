using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;

namespace CartRecovery.Web.Tests.Security;

/// <summary>One method of one endpoint, as the suite attacks it, with what it may answer.</summary>
public sealed record AttackSurface(RouteEndpoint Endpoint, string Method)
{
    /// <summary>
    /// Endpoints that answer anyone with a 2xx/3xx by design (pages, links, public scripts, probes): hostile requests
    /// still must not make them fail (5xx), store anything when refused, or leave the process unhealthy, but a success
    /// is not a failure. Everything else (the admin API, webhooks, capture posts, connect callback) must refuse them.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Public = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["GET /"] = "redirects to the demo shop; takes no input",
        ["GET /healthz"] = "the load balancer's probe: no input, no auth, by design",
        ["GET /openapi/v1.json"] = "the OpenAPI document for integrators: describes the API, holds no data, reads no input",
        ["GET /openapi/reference"] = "the API reference page rendered from the same descriptions: no data, no input",
        ["POST /healthz"] = "health checks answer any method; no input is read",
        ["PUT /healthz"] = "health checks answer any method; no input is read",
        ["PATCH /healthz"] = "health checks answer any method; no input is read",
        ["DELETE /healthz"] = "health checks answer any method; no input is read",
        ["GET /capture/{publicKey}/script.js"] = "the storefront script every shopper's browser loads (public, cached)",
        ["OPTIONS /capture/{publicKey}"] = "CORS preflight: 204 for the store's own origin, 403 otherwise",
        ["OPTIONS /capture/{publicKey}/reason"] = "CORS preflight of the exit question's answer: 204 for the store's own origin, 403 otherwise",
        ["GET /r/{token}"] = "restore link from an email: a signed token is the only credential, redirects to the cart",
        ["GET /s/{token}"] = "short restore link from a text: a signed code is the only credential, redirects to the cart",
        ["GET /u/{token}"] = "unsubscribe confirmation page for the holder of the signed link",
        ["POST /u/{token}"] = "RFC 8058 one-click unsubscribe: anyone holding the signed link may unsubscribe",
        ["GET /why/{token}"] = "reason link from a first email: a signed token is the only credential; records the cart's first reason on a person's click, else asks",
        ["POST /why/{token}"] = "reason link's answer button: anyone holding the signed link may give the cart's (first) reason",
        ["GET /demo/"] = "demo shop page",
        ["GET /demo/products/{handle}"] = "demo shop page",
        ["GET /demo/images/{sku}.png"] = "demo shop product thumbnail",
        ["GET /demo/images/{sku}.svg"] = "redirects thumbnail links of older demo carts to the PNG",
        ["GET /demo/assets/shop.css"] = "the demo shop's stylesheet",
        ["GET /demo/cart"] = "the demo shop visitor's own cart (named by their cookie)",
        ["POST /demo/cart/add"] = "demo shop's Add to cart (antiforgery form): fills the visitor's own demo cart",
        ["POST /demo/cart/update"] = "demo shop cart quantities (antiforgery form): changes the visitor's own demo cart",
        ["GET /demo/checkout"] = "demo shop checkout's contact form",
        ["POST /demo/checkout"] = "demo shop checkout (antiforgery form): the visitor's email, name and consent on their own demo cart",
        ["GET /demo/cart/{cartId}"] = "demo shop cart page (what a demo restore link lands on)",
        ["POST /demo/cart/{cartId}/order"] = "demo shop checkout: a form post that places the demo order",
        ["GET /connect/woocommerce"] = "the connect form for a shop address (asks the owner's email); anonymous by design",
        ["GET /sign-in"] = "the sign-in page: a form, reads only returnUrl",
        ["GET /sign-in/link"] = "the page a sign-in email opens: shows a button, uses nothing up",
        ["POST /app/language"] = "the language button (antiforgery form): sets the caller's own language cookie, reads nothing else",
        ["GET /invitations/{token}"] = "invitation page: 410 for anything but an open invitation's token",
        ["GET /connect/woocommerce/return"] = "static page WooCommerce sends the merchant back to",
        ["GET /auth/shopify"] = "Shopify's install request: refused unless its query carries Shopify's HMAC",
        ["GET /auth/shopify/callback"] = "Shopify's OAuth callback: refused unless signed and matching the state cookie",
        ["GET /billing/return"] = "where Shopify sends a merchant back after a plan approval: re-reads a pending subscription from Shopify, shows no data",
        ["POST /connect/woocommerce"] = "starts the connect flow for an address and an email (antiforgery form); anonymous by design",
        ["POST /sign-in"] = "asks for a sign-in link (antiforgery form): the same answer for every address, rate limited",
        ["GET /app/session-token"] = "the embedded pages' bounce: loads App Bridge only, which reloads a page of /app with a fresh session token; no data",
        ["GET /shopify/embedded.js"] = "the embedded app pages' own script, served by the Shopify connector (public, cached): no data, reads no input",
    };

    /// <summary>Strict endpoints that take no body on a method that usually has one: a hostile body is ignored, so a 2xx is right.</summary>
    public static readonly IReadOnlyDictionary<string, string> IgnoresBody = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["POST /api/stores/{id:long}/resume-sending"] = "clears the store's paused-sending flag; takes no body",
    };

    /// <summary>All methods an endpoint answers; one with no method metadata (health checks) answers them all.</summary>
    public static IEnumerable<AttackSurface> Of(RouteEndpoint endpoint)
    {
        var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
        return (methods is { Count: > 0 } ? methods : ["GET", "POST", "PUT", "PATCH", "DELETE"]).Select(m => new AttackSurface(endpoint, m));
    }

    /// <summary>The route as a path; Razor Pages write theirs without the leading slash.</summary>
    public string Pattern => Endpoint.RoutePattern.RawText is { } raw ? (raw.StartsWith('/') ? raw : "/" + raw) : "";

    /// <summary>
    /// A page of the signed-in web app (Razor Pages): for people, behind the session cookie. Without a session it
    /// redirects to the sign-in page; a form post without its antiforgery token is a 400.
    /// </summary>
    public bool IsPage => Endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>() is not null;

    public string Key => $"{Method} {Pattern}";

    public override string ToString() => Key;

    public bool IsPublic => Public.ContainsKey(Key);

    /// <summary>Paths whose answers are for programs: every refusal is application/problem+json.</summary>
    public bool IsApi =>
        Pattern.StartsWith("/api/", StringComparison.Ordinal) || Pattern.StartsWith("/webhooks/", StringComparison.Ordinal)
        || (Pattern.StartsWith("/capture/", StringComparison.Ordinal) && !Pattern.EndsWith(".js", StringComparison.Ordinal))
        || Pattern == "/connect/woocommerce/callback";

    public bool IsAdmin => Pattern.StartsWith("/api/", StringComparison.Ordinal);

    /// <summary>The endpoint binds a JSON body (minimal APIs declare it): content-type and type errors must be refused too.</summary>
    public Type? JsonBody => Endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;

    /// <summary>A strict endpoint on a body method reads what is sent, so a body that cannot be read must be refused.</summary>
    public bool ReadsBody => !IsPublic && Method is "POST" or "PUT" or "PATCH" && !IgnoresBody.ContainsKey(Key);

    /// <summary>
    /// The handler's simple parameters that are not in the route: bound from the query string (storeId, status, take,
    /// site, discount, …). Read from the handler's own signature, so a new query parameter is attacked too.
    /// </summary>
    public IReadOnlyList<string> QueryNames
    {
        get
        {
            var route = Endpoint.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            return (Endpoint.Metadata.GetMetadata<MethodInfo>()?.GetParameters() ?? [])
                .Where(p => p.Name is not null && !route.Contains(p.Name) && IsSimple(Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType))
                .Select(p => p.Name!).ToList();
        }
    }

    private static bool IsSimple(Type type) => type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal);

    /// <summary>JSON property names to aim hostile values at: the bound type's, else the fields raw-body endpoints read.</summary>
    public IReadOnlyList<string> FieldNames => JsonBody is { } type
        ? type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)).ToList()
        : ["id", "user_id", "consumer_key", "consumer_secret", "cart_id", "email", "consent", "currency", "items", "total", "RecordType", "MessageID"];
}
