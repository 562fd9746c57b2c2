using System.Globalization;
using CartRecovery.Connectors.Shopify;
using CartRecovery.Core;
using CartRecovery.Core.Metrics;
using CartRecovery.Core.Stores;
using CartRecovery.Web.Features.Admin;
using CartRecovery.Web.Features.Api;
using CartRecovery.Web.Features.Auth;
using CartRecovery.Web.Hosting;
using CartRecovery.Web.Pages;
using Microsoft.Extensions.Options;

namespace CartRecovery.Web.Features.Shopify;

/// <summary>
/// The embedded app. <c>GET /shopify</c> is the App URL: Shopify frames it in the admin with <c>shop</c>, <c>host</c>,
/// <c>embedded=1</c>, <c>locale</c> and <c>id_token</c> (https://shopify.dev/docs/apps/build/admin/embedded). The page
/// verifies the id_token (installing the shop by token exchange on its first load) and shows the shop's recovery
/// summary; its script (<c>/shopify/app.js</c>) then calls <c>/api</c> with a fresh session token as a Bearer header.
/// <c>/auth/shopify</c> stays the authorization-code install for the app used outside the admin.
/// </summary>
internal static class ShopifyEmbeddedEndpoints
{
    private const string ScriptPath = "/shopify/app.js";

    public static IServiceCollection AddShopifyEmbedded(this IServiceCollection services) =>
        services.AddSingleton<ShopifyEmbeddedSignIn>();

    public static IEndpointRouteBuilder MapShopifyEmbedded(this IEndpointRouteBuilder app)
    {
        app.MapShopifyEmbeddedBounce();
        app.MapGet("/shopify", PageAsync).AllowShopifyAdminFraming().AllowShopifyAppBridge().ExcludeFromDescription();
        app.MapGet(ScriptPath, (HttpContext http) =>
        {
            http.Response.Headers.CacheControl = "public, max-age=300";
            return Results.Content(Script.Value, "text/javascript; charset=utf-8");
        }).ExcludeFromDescription();
        app.MapGet("/api/stores/{id:long}/summary", SummaryAsync)
            .RequireAuthorization(CallerPolicies.Viewer)
            .Describe<RecoverySummaryDto>(ApiDescriptions.Metrics, "The store's recovery summary: carts abandoned, emails sent, orders and revenue recovered", 401, 404);
        return app;
    }

    private static readonly Lazy<string> Script = new(() =>
    {
        using var stream = typeof(ShopifyEmbeddedEndpoints).Assembly.GetManifestResourceStream("CartRecovery.Web.shopify-app.js")!;
        return new StreamReader(stream).ReadToEnd();
    });

    private static async Task<IResult> PageAsync(HttpContext http, ShopifyEmbeddedSignIn signIn, IMetricsQuery metrics,
        IOptions<ShopifyOptions> options, CancellationToken ct)
    {
        var query = http.Request.Query;
        var text = ShopifyEmbeddedText.For(query["locale"].ToString());
        var idToken = query["id_token"].ToString();
        if (!options.Value.IsConfigured || idToken.Length == 0)
            return Refused(text, text.OpenFromAdminTitle, text.OpenFromAdmin, StatusCodes.Status401Unauthorized);

        var caller = await signIn.SignInAsync(idToken, recordSignIn: true, ct);
        if (!caller.Succeeded)
        {
            return caller.Failure switch
            {
                ShopifyEmbeddedFailure.InstallFailed => Refused(text, text.NotConnectedTitle, caller.Reason!, StatusCodes.Status503ServiceUnavailable),
                ShopifyEmbeddedFailure.NoAccess => Refused(text, text.NoAccessTitle, caller.Reason!, StatusCodes.Status403Forbidden),
                _ => Refused(text, text.OpenFromAdminTitle, text.OpenFromAdmin, StatusCodes.Status401Unauthorized),
            };
        }

        var store = caller.Store!;
        // The frame-ancestors header names the shop of the query string: it must be the shop the token was issued in.
        if (!string.Equals(query["shop"].ToString(), store.ExternalId, StringComparison.OrdinalIgnoreCase))
            return Refused(text, text.OpenFromAdminTitle, text.WrongShop, StatusCodes.Status400BadRequest);

        // The App URL lands on the app's dashboard, embedded: the same query (shop, host, embedded, locale, the token).
        if (query["embedded"] == "1")
            return Results.Redirect("/app" + http.Request.QueryString);
        var summary = RecoverySummaryDto.From(store.Id, await metrics.GetAsync([store.Id], ct));
        return HtmlPage.Render($"CartRecovery · {store.Name}", Body(text, store, summary), lang: text.Lang, headHtml: $"""
            <meta name="shopify-api-key" content="{HtmlPage.Encode(options.Value.ClientId)}">
              <script src="{SecurityHeaders.AppBridgeScript}"></script>
              <script src="{ScriptPath}" defer></script>
            """);
    }

    private static string Body(ShopifyEmbeddedText text, Store store, RecoverySummaryDto summary)
    {
        string Count(long value) => HtmlPage.Encode(value.ToString("N0", text.Culture));
        var revenue = summary.RecoveredRevenue.Count == 0
            ? Money.Format(0, store.Currency, text.Culture)
            : string.Join(" · ", summary.RecoveredRevenue.Select(m => Money.Format(m.AmountMinor, m.Currency, text.Culture)));
        string Tile(string field, string label, string value) =>
            $"""<div class="tile"><span class="muted">{HtmlPage.Encode(label)}</span><strong data-field="{field}">{value}</strong></div>""";
        return $"""
            <h1>{HtmlPage.Encode(text.Heading)}</h1>
            <p>{HtmlPage.Encode(string.Format(text.Culture, text.Intro, store.Name))}</p>
            <div class="grid summary" data-summary-url="/api/stores/{store.Id.ToString(CultureInfo.InvariantCulture)}/summary"
                 data-lang="{text.Lang}" data-loading-text="{HtmlPage.Encode(text.Loading)}" data-live-text="{HtmlPage.Encode(text.Live)}"
                 data-failed-text="{HtmlPage.Encode(text.LiveFailed)}">
            {Tile("abandoned", text.Abandoned, Count(summary.AbandonedCarts))}
            {Tile("sent", text.Sent, Count(summary.EmailsSent))}
            {Tile("recovered", text.Recovered, Count(summary.RecoveredOrders))}
            {Tile("revenue", text.Revenue, HtmlPage.Encode(revenue))}
            </div>
            <p class="muted" id="live" role="status"></p>
            """;
    }

    private static IResult Refused(ShopifyEmbeddedText text, string title, string reason, int status) =>
        HtmlPage.Render(title, $"""
            <h1>{HtmlPage.Encode(title)}</h1>
            <p>{HtmlPage.Encode(reason)}</p>
            """, status, lang: text.Lang);

    private static async Task<IResult> SummaryAsync(long id, HttpContext http, IStoreRepository stores, IMetricsQuery metrics, CancellationToken ct)
    {
        // A store the caller may not see is answered exactly like one that does not exist.
        var store = await stores.GetAsync(id, ct);
        if (store is null || !http.Scope().CanSee(store))
            return ApiResults.StoreNotFound(id);
        return Results.Ok(RecoverySummaryDto.From(store.Id, await metrics.GetAsync([store.Id], ct)));
    }
}
