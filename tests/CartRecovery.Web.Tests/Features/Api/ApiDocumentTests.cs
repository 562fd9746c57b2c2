using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CartRecovery.Web.Tests.Features.Api;

/// <summary>
/// The OpenAPI document at /openapi/v1.json (issue 12): served as OpenAPI 3.1 with the Bearer scheme, every endpoint of
/// the app either in it or on <see cref="NotInDocument"/> with a reason, and every /api operation secured and declaring
/// its problem+json errors.
/// </summary>
public sealed partial class ApiDocumentTests
{
    /// <summary>
    /// Endpoints kept out of the document on purpose: they are for browsers, platforms and probes, not integrators.
    /// An endpoint that is neither described nor listed here fails <see cref="Document_DescribesEveryEndpointOrListsWhyNot"/>;
    /// nothing under /api may be listed.
    /// </summary>
    private static readonly IReadOnlyDictionary<string, string> NotInDocument = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["GET /"] = "redirects a browser to the demo shop",
        ["POST /app/language"] = "the web app's language button (a form for people)",
        ["GET /billing/return"] = "the page Shopify sends a merchant back to after approving a plan",
        ["* /healthz"] = "the load balancer's probe, documented in OPERATIONS.md",
        ["GET /metrics"] = "Prometheus scraping for operators, documented in OPERATIONS.md",
        ["GET /openapi/v1.json"] = "the document itself",
        ["GET /openapi/reference"] = "the reference page for people, rendered from the document's descriptions",
        ["GET /r/{token}"] = "restore link in a customer's email",
        ["GET /s/{token}"] = "short restore link in a customer's text message",
        ["GET /u/{token}"] = "unsubscribe page in a customer's email",
        ["POST /u/{token}"] = "RFC 8058 one-click unsubscribe, called by mail clients",
        ["GET /why/{token}"] = "\"why did you leave?\" link in a customer's first email (a page for people)",
        ["POST /why/{token}"] = "the answer button of that page (a form for people)",
        ["GET /demo/"] = "demo shop page",
        ["GET /demo/products/{handle}"] = "demo shop page",
        ["GET /demo/images/{sku}.png"] = "demo shop image",
        ["GET /demo/images/{sku}.svg"] = "demo shop image (old links)",
        ["GET /demo/assets/shop.css"] = "demo shop stylesheet",
        ["GET /demo/cart"] = "demo shop visitor's cart page",
        ["POST /demo/cart/add"] = "demo shop Add to cart form",
        ["POST /demo/cart/update"] = "demo shop cart quantity form",
        ["GET /demo/checkout"] = "demo shop checkout page",
        ["POST /demo/checkout"] = "demo shop checkout form",
        ["GET /demo/cart/{cartId}"] = "demo shop cart page",
        ["POST /demo/cart/{cartId}/order"] = "demo shop checkout form",
        ["GET /auth/shopify"] = "Shopify's app install request",
        ["GET /auth/shopify/callback"] = "Shopify's OAuth callback",
        ["GET /shopify"] = "the embedded app's page, framed by the Shopify admin",
        ["GET /shopify/embedded.js"] = "the embedded app pages' script (a static file served by the Shopify connector)",
        ["GET /app/session-token"] = "the embedded pages' bounce page (HTML)",
        ["GET /connect/woocommerce"] = "a merchant's browser starts connecting a WooCommerce shop",
        ["POST /connect/woocommerce"] = "the connect form (the owner's email), which sends the browser to the shop",
        ["GET /sign-in"] = "sign-in page for people",
        ["POST /sign-in"] = "sign-in form: emails a sign-in link",
        ["GET /sign-in/link"] = "page a sign-in email's link opens",
        ["POST /sign-in/link"] = "its Sign in button",
        ["POST /sign-out"] = "sign-out form",
        ["POST /sign-out/everywhere"] = "sign-out-everywhere form",
        ["POST /app/switch"] = "account switcher form",
        ["GET /invitations/{token}"] = "page an invitation email's link opens",
        ["POST /invitations/{token}"] = "its Accept button",
        ["GET /connect/woocommerce/return"] = "page WooCommerce sends the merchant back to",
        ["POST /connect/woocommerce/callback"] = "WooCommerce posts the shop's keys here during connect",
        ["POST /webhooks/shopify"] = "Shopify's signed webhooks",
        ["POST /webhooks/woocommerce/{storeId:long}"] = "WooCommerce's signed webhooks",
        ["POST /webhooks/postmark"] = "Postmark's delivery, open, click and bounce events",
        ["POST /sms/twilio/{storeKey}/inbound"] = "Twilio's signed incoming-message webhook (STOP/START)",
        ["POST /sms/twilio/status"] = "Twilio's signed status callbacks",
        ["GET /capture/{publicKey}/script.js"] = "the storefront capture script",
        ["POST /capture/{publicKey}"] = "the storefront capture script's posts",
        ["OPTIONS /capture/{publicKey}"] = "CORS preflight of the capture script",
        ["POST /capture/{publicKey}/reason"] = "the capture script's exit question: the shopper's answer",
        ["OPTIONS /capture/{publicKey}/reason"] = "CORS preflight of the exit question's answer",
    };

    [Fact]
    public async Task Document_IsServedAsOpenApi31WithTheBearerScheme()
    {
        using var app = new CartRecoveryAppFactory();

        var response = await app.BrowserClient().GetAsync("/openapi/v1.json", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var root = document.RootElement;
        Assert.StartsWith("3.1", root.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        Assert.Equal("CartRecovery admin API", root.GetProperty("info").GetProperty("title").GetString());
        var bearer = root.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal("http", bearer.GetProperty("type").GetString());
        Assert.Equal("bearer", bearer.GetProperty("scheme").GetString());
    }

    [Fact]
    public async Task Document_DescribesEveryEndpointOrListsWhyNot()
    {
        using var app = new CartRecoveryAppFactory();
        var described = Operations(await DocumentAsync(app)).Select(o => o.Key).ToHashSet(StringComparer.Ordinal);
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => Methods(e).Select(m => (Key: $"{m} {e.RoutePattern.RawText}", Path: $"{m} {DocumentPath(e.RoutePattern.RawText)}",
                Excluded: e.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>()?.ExcludeFromDescription == true)))
            .ToList();

        // The web app's pages (Razor Pages) are for people, not integrators: never in the API document.
        endpoints = endpoints.Where(e => !IsPage(e.Key)).ToList();
        var missing = endpoints.Where(e => !described.Contains(e.Path) && !NotInDocument.ContainsKey(e.Key)).Select(e => e.Key).ToList();
        var excludedSilently = endpoints.Where(e => e.Excluded && !NotInDocument.ContainsKey(e.Key)).Select(e => e.Key).ToList();
        var apiListed = NotInDocument.Keys.Where(k => k.Contains(" /api", StringComparison.Ordinal)).ToList();
        var stale = NotInDocument.Keys.Where(k => endpoints.All(e => e.Key != k)).ToList();

        Assert.True(missing.Count == 0, "Endpoints missing from /openapi/v1.json (describe them, or list them with a reason): " + string.Join(", ", missing));
        Assert.True(excludedSilently.Count == 0, "Endpoints excluded from the document without a listed reason: " + string.Join(", ", excludedSilently));
        Assert.True(apiListed.Count == 0, "Admin API endpoints are for integrators and must be described: " + string.Join(", ", apiListed));
        Assert.True(stale.Count == 0, "Listed endpoints that no longer exist: " + string.Join(", ", stale));
        Assert.Contains("PATCH /api/stores/{id}", described);
    }

    private static bool IsPage(string key) => key.Split(' ')[1] is var path && (path == "app" || path.StartsWith("app/", StringComparison.Ordinal));

    [Fact]
    public async Task Document_EveryApiOperationRequiresBearerAndDeclaresItsProblems()
    {
        using var app = new CartRecoveryAppFactory();
        var operations = Operations(await DocumentAsync(app)).Where(o => o.Key.Contains(" /api/", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(operations);
        foreach (var (key, operation) in operations)
        {
            var security = operation.GetProperty("security").EnumerateArray().SelectMany(r => r.EnumerateObject()).Select(p => p.Name);
            Assert.True(security.Contains("Bearer"), $"{key} does not require the Bearer scheme");
            var responses = operation.GetProperty("responses");
            AssertProblem(key, responses, "401");
            var unauthorized = responses.GetProperty("401").GetProperty("content").GetProperty("application/problem+json");
            Assert.Equal("Unauthorized", unauthorized.GetProperty("example").GetProperty("title").GetString());
            Assert.True(responses.EnumerateObject().Any(r => r.Name.StartsWith('2')), $"{key} declares no 2xx answer");
            Assert.True(operation.TryGetProperty("summary", out _), $"{key} has no summary");
            Assert.True(operation.TryGetProperty("tags", out _), $"{key} has no tag");
            // An id in the path can name nothing; a body can break a rule.
            if (key.Contains('{', StringComparison.Ordinal))
                AssertProblem(key, responses, "404");
            if (operation.TryGetProperty("requestBody", out _))
                AssertProblem(key, responses, "400");
        }
        var byKey = operations.ToDictionary(o => o.Key, o => o.Value);
        AssertProblem("PUT template", byKey["PUT /api/stores/{id}/templates/{name}/{locale}/{part}"].GetProperty("responses"), "422");
        AssertProblem("assign task", byKey["POST /api/tasks/{id}/assign"].GetProperty("responses"), "409");
    }

    [Fact]
    public async Task ReferencePage_ListsOperationsUnderTheStrictPolicy()
    {
        using var app = new CartRecoveryAppFactory();

        var response = await app.BrowserClient().GetAsync("/openapi/reference", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src", csp, StringComparison.Ordinal);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Contains("PATCH /api/stores/{id}", html, StringComparison.Ordinal);
        Assert.Contains("/openapi/v1.json", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    private static void AssertProblem(string key, JsonElement responses, string status)
    {
        Assert.True(responses.TryGetProperty(status, out var response), $"{key} does not declare {status}");
        Assert.True(response.GetProperty("content").TryGetProperty("application/problem+json", out _), $"{key}: {status} is not application/problem+json");
    }

    private static async Task<JsonElement> DocumentAsync(CartRecoveryAppFactory app)
    {
        var json = await app.BrowserClient().GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken);
        return JsonDocument.Parse(json).RootElement;
    }

    private static IEnumerable<KeyValuePair<string, JsonElement>> Operations(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject().SelectMany(path => path.Value.EnumerateObject()
            .Select(op => KeyValuePair.Create($"{op.Name.ToUpperInvariant()} {path.Name}", op.Value)));

    // An endpoint without method metadata (health checks) answers every method.
    private static IEnumerable<string> Methods(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } methods ? methods : ["*"];

    // The document writes {id:long} as {id}: constraints are in the parameter's schema.
    private static string DocumentPath(string? pattern) => RouteConstraint().Replace(pattern ?? "", "}");

    [GeneratedRegex(":[^}]*}")]
    private static partial Regex RouteConstraint();
}
