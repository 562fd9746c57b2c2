using System.Globalization;
using System.Text.Json;
using System.Threading.RateLimiting;
using CartRecovery.Core.Accounts;
using CartRecovery.Core.Outbound;
using CartRecovery.Core.Pages;
using CartRecovery.Core.Recovery;
using CartRecovery.Core.Stores;
using CartRecovery.Core.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CartRecovery.Connectors.WooCommerce.Connect;

/// <summary>
/// WooCommerce's key-authorization flow, and door 3 of sign-in. <c>GET /connect/woocommerce?site=</c> shows a form
/// (asking for the owner's email when nobody is signed in); its POST sends the merchant to their shop's approval page
/// with a one-time connection id; WooCommerce POSTs the keys to the callback (which answers exactly 200 when they are
/// good, anything else makes WooCommerce delete them), then sends the merchant back to the return page, where the
/// starting browser is signed in (<see cref="WooCommerceConnectOwner"/>, through the host's <see cref="IPersonSignIn"/>).
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
        app.MapGet("/connect/woocommerce", async (string? site, OutboundOptions outbound, IPersonSignIn people, CancellationToken ct) =>
            CheckSite(site, outbound, out var siteUrl) ?? await ConnectFormAsync(people, siteUrl!, null, null, ct))
            .ExcludeFromDescription();

        app.MapPost("/connect/woocommerce", async (HttpContext http, WooCommerceKeyAuthorization flow,
            IPendingConnectionRepository pending, RecoveryOptions recovery, OutboundOptions outbound, IOptions<WooCommerceOptions> options,
            IPersonSignIn people, TimeProvider time, CancellationToken ct) =>
        {
            var texts = WooCommerceConnectTexts.For(people.Language);
            if (await people.ReadFormAsync() is not { } form)
                return Message(texts, texts.FormExpiredTitle, texts.FormExpiredText, StatusCodes.Status400BadRequest);
            if (CheckSite(form.GetValueOrDefault("site"), outbound, out var siteUrl) is { } refused)
                return refused;
            // A signed-in person connects for themselves; anyone else says who will own the shop's account.
            var signedIn = await people.SignedInAsync(ct);
            var email = form.GetValueOrDefault("email", "").Trim();
            if (signedIn is null && !PersonEmail.IsValid(email))
                return await ConnectFormAsync(people, siteUrl!, email, texts.EmailInvalid, ct);
            var (nonce, nonceHash) = WooCommerceConnectOwner.NewNonce();
            var start = new ConnectStart(siteUrl!.AbsoluteUri, signedIn?.UserId, signedIn is null ? PersonEmail.Normalize(email) : null, nonceHash,
                texts.Language);
            var id = WooCommerceKeyAuthorization.NewConnectionId();
            var now = time.GetUtcNow();
            if (!await pending.TryCreateAsync(id, Platforms.WooCommerce, start.ToJson(), now, now + ConnectionLifetime,
                    options.Value.MaxPendingConnections, ct))
                return Busy();
            http.Response.Cookies.Append(WooCommerceConnectOwner.NonceCookie, nonce, new CookieOptions
            {
                HttpOnly = true,
                // Lax: the shop sends the browser back with a top-level GET, which carries Lax cookies.
                SameSite = SameSiteMode.Lax,
                Secure = recovery.PublicBaseUrl.Scheme == Uri.UriSchemeHttps,
                Path = WooCommerceConnectOwner.CookiePath,
                Expires = now + ConnectionLifetime,
            });
            return Results.Redirect(flow.Start(siteUrl, new Uri(recovery.PublicBaseUrl, "connect/woocommerce/return"),
                new Uri(recovery.PublicBaseUrl, "connect/woocommerce/callback"), id).AbsoluteUri);
        }).DisableAntiforgery().RequireRateLimiting(RateLimitPolicy).ExcludeFromDescription();

        app.MapPost("/connect/woocommerce/callback", async (HttpRequest request, WooCommerceKeyAuthorization flow, IPendingConnectionRepository pending,
            IStoreRepository stores, WooCommerceConnectOwner owner, IOptions<WooCommerceOptions> options, TimeProvider time, CancellationToken ct) =>
        {
            if (await WebhookBody.ReadAsync(request.Body, request.ContentLength, ct, MaxCallbackBytes) is not { } raw)
                return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Payload too large");
            if (WebhookBody.ParseJson(raw) is not { } body)
                return Results.Problem(statusCode: 400, title: "Malformed body", detail: "The callback body must be JSON in UTF-8.");
            var userId = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("user_id", out var u) ? u.ToString() : null;
            var payload = userId is null ? null : await pending.ConsumeAsync(userId, Platforms.WooCommerce, time.GetUtcNow(), ct);
            if (payload is null)
                return Results.Problem(statusCode: 400, title: "Unknown connection", detail: "This connection id is unknown, used or expired.");
            var start = ConnectStart.Parse(payload);
            var site = new Uri(start.Site);
            var isNew = await stores.FindAsync(Platforms.WooCommerce, WooCommerceKeyAuthorization.ExternalId(site), ct) is null;
            var result = await flow.CompleteAsync(body, userId!, site, ct);
            if (result.Store is null)
                return Results.Problem(statusCode: 400, title: "Keys not accepted", detail: result.Problem?.Problem);
            await owner.CompleteAsync(start, result.Store!, isNew, options.Value.MaxPendingConnections, ct);
            return Results.Ok();
        }).DisableAntiforgery().ExcludeFromDescription();

        app.MapGet("/connect/woocommerce/return", ReturnAsync).ExcludeFromDescription();
        return app;
    }

    /// <summary>
    /// Where WooCommerce sends the browser back. The browser that started the connection redeems what the callback left
    /// for its nonce: a new person is signed in, a signed-in person moves to the new account; anyone else sees the page.
    /// </summary>
    private static async Task<IResult> ReturnAsync(string? success, HttpContext http, WooCommerceConnectOwner owner, IPersonSignIn people,
        CancellationToken ct)
    {
        var texts = WooCommerceConnectTexts.For(people.Language);
        if (success != "1")
            return Refused("The connection was not approved in WooCommerce.");
        var grant = await owner.RedeemAsync(http, ct);
        http.Response.Cookies.Delete(WooCommerceConnectOwner.NonceCookie, new CookieOptions { Path = WooCommerceConnectOwner.CookiePath });
        if (grant is { SignIn: true })
        {
            await people.SignInAsync(grant.UserId, grant.AccountId, ct);
            return Results.Redirect(people.HomePath);
        }
        var text = grant is null ? texts.ConnectedText : texts.ConnectedEmailText;
        return Message(texts, texts.ConnectedTitle, text);
    }

    private static IResult? CheckSite(string? site, OutboundOptions outbound, out Uri? siteUrl)
    {
        if (!WooCommerceKeyAuthorization.TryNormalizeSite(site, out siteUrl, out var error))
            return Refused(error ?? "The shop address is not valid.");
        if (OutboundUrlPolicy.Check(siteUrl!, outbound, "The shop address") is { } refused)
            return Refused(refused + ".");
        return null;
    }

    private static async Task<IResult> ConnectFormAsync(IPersonSignIn people, Uri site, string? email, string? error, CancellationToken ct)
    {
        var texts = WooCommerceConnectTexts.For(people.Language);
        people.AllowFormActionTo(site);
        var signedIn = await people.SignedInAsync(ct);
        var who = signedIn is { } person
            ? $"""<p class="muted">{PlainPage.Encode(string.Format(CultureInfo.InvariantCulture, texts.SignedInAs, person.Label))}</p>"""
            : $"""
              <p>{PlainPage.Encode(texts.ConnectIntro)}</p>
              <label for="email">{PlainPage.Encode(texts.EmailLabel)}</label>
              <input id="email" name="email" type="email" autocomplete="email" required value="{PlainPage.Encode(email)}">
              {(error is null ? "" : $"""<p class="error" role="alert">{PlainPage.Encode(error)}</p>""")}
              """;
        return Page(texts.ConnectTitle, $"""
            <h1>{PlainPage.Encode(texts.ConnectTitle)}</h1>
            <p><span class="code">{PlainPage.Encode(site.Host)}</span></p>
            <form method="post" action="/connect/woocommerce">
            {people.FormTokenHtml()}{Hidden("site", site.AbsoluteUri)}
            {who}
            <button type="submit">{PlainPage.Encode(texts.ConnectButton)}</button>
            </form>
            """, error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest, texts.Language);
    }

    private static string Hidden(string name, string? value) =>
        $"""<input type="hidden" name="{PlainPage.Encode(name)}" value="{PlainPage.Encode(value)}">""";

    private static IResult Message(WooCommerceConnectTexts texts, string title, string text, int status = StatusCodes.Status200OK) =>
        Page(title, $"""
            <h1>{PlainPage.Encode(title)}</h1>
            <p>{PlainPage.Encode(text)}</p>
            """, status, texts.Language);

    private static IResult Page(string title, string bodyHtml, int status, string lang = "en") =>
        Results.Content(PlainPage.Document(title, bodyHtml, lang), PlainPage.ContentType, statusCode: status);

    private static IResult Busy() => Page("Try again later", """
        <h1>Too many shops are connecting right now</h1>
        <p>Please try again in a few minutes.</p>
        """, StatusCodes.Status503ServiceUnavailable);

    private static IResult Refused(string reason) => Page("Not connected", $"""
        <h1>We couldn't connect your shop</h1>
        <p>{PlainPage.Encode(reason)}</p>
        """, StatusCodes.Status400BadRequest);
}
