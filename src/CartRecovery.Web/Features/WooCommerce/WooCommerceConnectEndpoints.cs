using System.Text.Json;
using CartRecovery.Connectors.WooCommerce.Connect;
using CartRecovery.Core.Recovery;
using CartRecovery.Core.Stores;
using CartRecovery.Web.Features.Webhooks;
using CartRecovery.Web.Pages;

namespace CartRecovery.Web.Features.WooCommerce;

/// <summary>
/// WooCommerce's key-authorization flow. <c>GET /connect/woocommerce?site=</c> sends the merchant to their shop's
/// approval page with a one-time connection id; WooCommerce POSTs the keys to the callback (which answers exactly 200
/// when they are good, anything else makes WooCommerce delete them), then sends the merchant back to the return page.
/// </summary>
internal static class WooCommerceConnectEndpoints
{
    // The callback carries a key pair and a few ids: a few hundred bytes.
    private const int MaxCallbackBytes = 16 * 1024;

    private static readonly TimeSpan ConnectionLifetime = TimeSpan.FromHours(1);

    public static IEndpointRouteBuilder MapWooCommerceConnect(this IEndpointRouteBuilder app)
    {
        app.MapGet("/connect/woocommerce", async (string? site, WooCommerceConnectFlow flow, IPendingConnectionStore pending,
            RecoveryOptions recovery, TimeProvider time, CancellationToken ct) =>
        {
            if (!WooCommerceSiteUrl.TryNormalize(site, out var siteUrl, out var error))
                return Refused(error ?? "The shop address is not valid.");
            var id = WooCommerceConnectFlow.NewConnectionId();
            await pending.CreateAsync(id, Platforms.WooCommerce, siteUrl!.AbsoluteUri, time.GetUtcNow() + ConnectionLifetime, ct);
            return Results.Redirect(flow.Start(siteUrl, new Uri(recovery.PublicBaseUrl, "connect/woocommerce/return"),
                new Uri(recovery.PublicBaseUrl, "connect/woocommerce/callback"), id).AbsoluteUri);
        }).ExcludeFromDescription();

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

    private static IResult Refused(string reason) => HtmlPage.Render("Not connected", $"""
        <h1>We couldn't connect your shop</h1>
        <p>{HtmlPage.Encode(reason)}</p>
        """, StatusCodes.Status400BadRequest);
}
