using System.Text.Json;
using System.Threading.RateLimiting;
using CartRecovery.Core.Stores;
using CartRecovery.Core.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CartRecovery.Connectors.WooCommerce.Capture;

/// <summary>
/// <c>POST /capture/{publicKey}</c>: the storefront script posts the shopper's email and cart as they type, for carts
/// that never become orders. Only the store's own origin may call it (CORS), each visitor is rate limited, bodies are
/// small and validated field by field, and nothing is kept without the shopper's consent.
/// </summary>
internal static class CaptureEndpoint
{
    public const string RateLimitPolicy = "capture";
    private const int MaxBodyBytes = 32 * 1024;

    public static IServiceCollection AddCaptureRateLimit(this IServiceCollection services)
    {
        // Per store and visitor: a shopper typing produces a few posts a minute; a script hammering does not pass. (The
        // host answers every refusal with 429.)
        services.AddRateLimiter(o => o.AddPolicy(RateLimitPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
            $"{http.Request.RouteValues["publicKey"]}|{http.Connection.RemoteIpAddress}",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = 30, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })));
        return services;
    }

    public static IEndpointRouteBuilder MapCapture(this IEndpointRouteBuilder app)
    {
        app.MapGet("/capture/{publicKey}/script.js", ScriptAsync).ExcludeFromDescription();
        app.MapMethods("/capture/{publicKey}", ["OPTIONS"], PreflightAsync).ExcludeFromDescription();
        app.MapPost("/capture/{publicKey}", CaptureAsync).DisableAntiforgery().RequireRateLimiting(RateLimitPolicy).ExcludeFromDescription();
        app.MapExitReason();
        return app;
    }

    /// <summary>The tag the merchant adds to the shop's pages (shown on the settings page to copy).</summary>
    public static string Snippet(Uri publicBaseUrl, string publicKey)
    {
        ArgumentNullException.ThrowIfNull(publicBaseUrl);
        return $"<script src=\"{publicBaseUrl.AbsoluteUri}capture/{Uri.EscapeDataString(publicKey)}/script.js\" async></script>";
    }

    private static readonly Lazy<string> ScriptTemplate = new(() =>
    {
        using var stream = typeof(CaptureEndpoint).Assembly.GetManifestResourceStream("CartRecovery.Connectors.WooCommerce.capture.js")!;
        return new StreamReader(stream).ReadToEnd();
    });

    /// <summary>The script the merchant adds to the shop, with this store's capture address baked in.</summary>
    private static async Task<IResult> ScriptAsync(string publicKey, HttpContext http, IStoreRepository stores,
        Core.Recovery.RecoveryOptions recovery, WooCommerceExitQuestion exitQuestion, CancellationToken ct)
    {
        if (await FindAsync(publicKey, stores, ct) is not { } store)
            return Results.NotFound();
        http.Response.Headers.CacheControl = "public, max-age=300";
        var ask = ExitQuestionWords.ScriptConfig(await exitQuestion.IsOnAsync(store.Id, ct), store.Locale);
        var script = ScriptTemplate.Value
            .Replace("{{BASE}}", recovery.PublicBaseUrl.AbsoluteUri, StringComparison.Ordinal)
            .Replace("{{KEY}}", Uri.EscapeDataString(publicKey), StringComparison.Ordinal)
            .Replace("\"{{ASK}}\"", ask, StringComparison.Ordinal);
        return Results.Content(script, "text/javascript; charset=utf-8");
    }

    internal static async Task<IResult> PreflightAsync(string publicKey, HttpContext http, IStoreRepository stores, CancellationToken ct)
    {
        var store = await FindAsync(publicKey, stores, ct);
        if (store is null || !AllowOrigin(http, store))
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        http.Response.Headers.AccessControlAllowMethods = "POST";
        http.Response.Headers.AccessControlAllowHeaders = "Content-Type";
        http.Response.Headers.AccessControlMaxAge = "600";
        return Results.NoContent();
    }

    private static async Task<IResult> CaptureAsync(string publicKey, HttpContext http, IStoreRepository stores, WooCommerceCapture capture,
        CancellationToken ct)
    {
        var (store, body, refusal) = await ReadPostAsync(publicKey, http, stores, MaxBodyBytes, ct);
        if (refusal is not null)
            return refusal;

        var result = await capture.CaptureAsync(store!, body, ct);
        return result.Accepted
            ? Results.Ok(new { cart = result.CartExternalId })
            : Results.ValidationProblem(result.Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()));
    }

    /// <summary>
    /// What both storefront posts check first: an active WooCommerce store by its public key, called from its own origin
    /// (CORS), with a JSON body of at most <paramref name="maxBytes"/>. A refusal is a problem answer to return as is.
    /// </summary>
    internal static async Task<(Store? Store, JsonElement Body, IResult? Refusal)> ReadPostAsync(string publicKey, HttpContext http,
        IStoreRepository stores, int maxBytes, CancellationToken ct)
    {
        var store = await FindAsync(publicKey, stores, ct);
        if (store is null)
            return (null, default, Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown store"));
        if (!AllowOrigin(http, store))
            return (null, default, Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Origin not allowed",
                detail: "Only the store's own pages may post to CartRecovery."));
        if (await WebhookBody.ReadAsync(http.Request.Body, http.Request.ContentLength, ct, maxBytes) is not { } raw)
            return (null, default, Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Payload too large"));
        if (WebhookBody.ParseJson(raw) is not { } body)
            return (null, default, Results.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["the body must be JSON in UTF-8"] }));
        return (store, body, null);
    }

    private static async Task<Store?> FindAsync(string publicKey, IStoreRepository stores, CancellationToken ct) =>
        await stores.FindByPublicKeyAsync(publicKey, ct) is { Platform: Platforms.WooCommerce, Status: StoreStatus.Active } store ? store : null;

    /// <summary>
    /// Echoes the origin back only when it is the store's own (scheme, host and port of its storefront URL). A request
    /// without an Origin header (not from a browser page, or <c>null</c> from a sandboxed one) is never the store's.
    /// </summary>
    private static bool AllowOrigin(HttpContext http, Store store)
    {
        var origin = http.Request.Headers.Origin.ToString();
        if (origin.Length == 0 || !Core.Outbound.OutboundUrlPolicy.IsWebLink(store.StorefrontUrl))
            return false;
        var expected = new Uri(store.StorefrontUrl).GetLeftPart(UriPartial.Authority);
        if (!string.Equals(origin, expected, StringComparison.OrdinalIgnoreCase))
            return false;
        http.Response.Headers.AccessControlAllowOrigin = origin;
        http.Response.Headers.Vary = "Origin";
        return true;
    }
}
