using System.Text.Json;
using System.Threading.RateLimiting;
using CartRecovery.Connectors.WooCommerce;
using CartRecovery.Connectors.WooCommerce.Connect;
using CartRecovery.Core.Outbound;
using CartRecovery.Core.Recovery;
using CartRecovery.Core.Stores;
using CartRecovery.Web.Features.Webhooks;
using CartRecovery.Web.Pages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CartRecovery.Web.Features.WooCommerce;

/// <summary>
/// WooCommerce's key-authorization flow. <c>GET /connect/woocommerce?site=</c> sends the merchant to their shop's
/// approval page with a one-time connection id; WooCommerce POSTs the keys to the callback (which answers exactly 200
/// when they are good, anything else makes WooCommerce delete them), then sends the merchant back to the return page.
/// The start needs no sign-in, so it is bounded: a shop address the outbound policy refuses is refused at once, each
/// client address may start a few connections a minute, and pending connections are capped in total.
/// </summary>
internal static class WooCommerceConnectEndpoints
{
    public const string RateLimitPolicy = "woocommerce-connect";
    // The callback carries a key pair and a few ids: a few hundred bytes.
    private const int MaxCallbackBytes = 16 * 1024;

    private static readonly TimeSpan ConnectionLifetime = TimeSpan.FromHours(1);

    /// <summary>Per client address: a merchant connects once or twice; a script starting hundreds does not pass.</summary>
    public static IServiceCollection AddWooCommerceConnectRateLimit(this IServiceCollection services)
    {
        services.AddRateLimiter(o => o.AddPolicy(RateLimitPolicy, http =>
        {
            var perMinute = http.RequestServices.GetRequiredService<IOptions<WooCommerceOptions>>().Value.ConnectStartsPerMinute;
            return RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
        }));
        return services;
    }

    public static IEndpointRouteBuilder MapWooCommerceConnect(this IEndpointRouteBuilder app)
    {
        app.MapGet("/connect/woocommerce", async (string? site, WooCommerceConnectFlow flow, IPendingConnectionStore pending,
            RecoveryOptions recovery, OutboundOptions outbound, IOptions<WooCommerceOptions> options, TimeProvider time, CancellationToken ct) =>
        {
            if (!WooCommerceSiteUrl.TryNormalize(site, out var siteUrl, out var error))
                return Refused(error ?? "The shop address is not valid.");
            if (OutboundUrlPolicy.Check(siteUrl, outbound, "The shop address") is { } refused)
                return Refused(refused + ".");
            var id = WooCommerceConnectFlow.NewConnectionId();
            var now = time.GetUtcNow();
            if (!await pending.TryCreateAsync(id, Platforms.WooCommerce, siteUrl!.AbsoluteUri, now, now + ConnectionLifetime,
                    options.Value.MaxPendingConnections, ct))
                return Busy();
            return Results.Redirect(flow.Start(siteUrl, new Uri(recovery.PublicBaseUrl, "connect/woocommerce/return"),
                new Uri(recovery.PublicBaseUrl, "connect/woocommerce/callback"), id).AbsoluteUri);
        }).RequireRateLimiting(RateLimitPolicy).ExcludeFromDescription();

        app.MapPost("/connect/woocommerce/callback", async (HttpRequest request, WooCommerceConnectFlow flow, IPendingConnectionStore pending,
            TimeProvider time, CancellationToken ct) =>
        {
            if (await WebhookIntake.ReadBodyAsync(request, ct, MaxCallbackBytes) is not { } raw)
                return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Payload too large");
            if (WebhookIntake.ParseJson(raw) is not { } body)
                return Results.Problem(statusCode: 400, title: "Malformed body", detail: "The callback body must be JSON in UTF-8.");
            var userId = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("user_id", out var u) ? u.ToString() : null;
            var site = userId is null ? null : await pending.ConsumeAsync(userId, Platforms.WooCommerce, time.GetUtcNow(), ct);
            if (site is null)
                return Results.Problem(statusCode: 400, title: "Unknown connection", detail: "This connection id is unknown, used or expired.");
            var result = await flow.CompleteAsync(body, userId!, new Uri(site), ct);
            return result.Succeeded
                ? Results.Ok()
                : Results.Problem(statusCode: 400, title: "Keys not accepted", detail: result.Error);
        }).DisableAntiforgery().ExcludeFromDescription();

        app.MapGet("/connect/woocommerce/return", (string? success) => success == "1"
            ? HtmlPage.Render("Shop connected", """
                <h1>Your shop is connected</h1>
                <p>CartRecovery now reads pending and failed orders, receives order webhooks and runs the standard recovery sequence.</p>
                """)
            : Refused("The connection was not approved in WooCommerce.")).ExcludeFromDescription();
        return app;
    }

    private static IResult Busy() => HtmlPage.Render("Try again later", """
        <h1>Too many shops are connecting right now</h1>
        <p>Please try again in a few minutes.</p>
        """, StatusCodes.Status503ServiceUnavailable);

    private static IResult Refused(string reason) => HtmlPage.Render("Not connected", $"""
        <h1>We couldn't connect your shop</h1>
        <p>{HtmlPage.Encode(reason)}</p>
        """, StatusCodes.Status400BadRequest);
}
