using CartRecovery.Core.Accounts;
using CartRecovery.Core.Stores;
using CartRecovery.Web.Features.Auth;
using CartRecovery.Web.Pages;
using Microsoft.AspNetCore.Antiforgery;

namespace CartRecovery.Web.Features.SignIn;

/// <summary>
/// <c>/app</c>, where a signed-in person lands: the account they work in, their role, the shops they can see, the
/// other accounts they can switch to, and sign-out. The web app proper builds on this page.
/// </summary>
internal static class AppPage
{
    public static async Task<IResult> RenderAsync(HttpContext http, IAntiforgery antiforgery, SessionCookie cookie, ISessionStore sessions,
        IAccountStore accounts, IStoreRepository stores, CancellationToken ct)
    {
        var session = await cookie.FindLiveAsync(http, ct);
        if (session is null || CallerClaims.ScopeOf(http.User) is not { AccountId: { } accountId } scope || scope.Actor.Kind != ActorKind.User)
        {
            // Removed from the account the session was in, but still in another: carry on there.
            if (session is not null && await accounts.ListMembershipsOfUserAsync(session.UserId, ct) is [var other, ..]
                && other.AccountId != session.AccountId)
            {
                await sessions.SwitchAccountAsync(session.TokenHash, other.AccountId, ct);
                return Results.Redirect(LocalUrl.Home);
            }
            return Results.Redirect("/sign-in?returnUrl=" + Uri.EscapeDataString(LocalUrl.Home));
        }

        var texts = SignInTexts.For(http.Request);
        var account = await accounts.GetAsync(accountId, ct);
        var user = await accounts.GetUserAsync(session.UserId, ct);
        var visible = (await stores.ListAsync(ct)).Where(scope.CanSee).OrderBy(s => s.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
        var others = new List<Account>();
        foreach (var membership in await accounts.ListMembershipsOfUserAsync(session.UserId, ct))
        {
            if (membership.AccountId != accountId && await accounts.GetAsync(membership.AccountId, ct) is { } a)
                others.Add(a);
        }

        var rows = visible.Count == 0
            ? $"""<p class="muted">{HtmlPage.Encode(texts.NoStores)}</p>"""
            : $"""
              <table>
              <thead><tr><th>{HtmlPage.Encode(texts.StoreName)}</th><th>{HtmlPage.Encode(texts.Platform)}</th><th>{HtmlPage.Encode(texts.Status)}</th></tr></thead>
              <tbody>
              {string.Concat(visible.Select(s => $"""<tr><td>{HtmlPage.Encode(s.Name)}</td><td>{HtmlPage.Encode(PlatformName(s.Platform))}</td><td>{Status(texts, s.Status)}</td></tr>"""))}
              </tbody>
              </table>
              """;
        var switcher = others.Count == 0 ? "" : $"""
            <section>
            <h2>{HtmlPage.Encode(texts.SwitchAccount)}</h2>
            <form method="post" action="/app/switch">
            {PageForms.Token(http, antiforgery)}
            <label for="accountId" class="muted">{HtmlPage.Encode(texts.SwitchAccount)}</label>
            <select id="accountId" name="accountId">{string.Concat(others.OrderBy(a => a.Name, StringComparer.CurrentCultureIgnoreCase).Select(a => $"""<option value="{a.Id}">{HtmlPage.Encode(a.Name)} ({HtmlPage.Encode(texts.Kind(a.Kind))})</option>"""))}</select>
            <button type="submit" class="secondary">{HtmlPage.Encode(texts.Switch)}</button>
            </form>
            </section>
            """;
        var name = account?.Name ?? "";
        return HtmlPage.Render($"{name} · {texts.AppTitle}", $"""
            <div class="bar">
            <h1>{HtmlPage.Encode(name)}</h1>
            <span><span class="badge">{HtmlPage.Encode(texts.Kind(account?.Kind ?? AccountKind.Merchant))}</span> <span class="muted">{HtmlPage.Encode(texts.YourRole)}: <strong>{HtmlPage.Encode(texts.Role(scope.Role))}</strong></span></span>
            </div>
            <section>
            <h2>{HtmlPage.Encode(texts.Stores)}</h2>
            {rows}
            </section>
            {switcher}
            <section>
            <p class="muted">{HtmlPage.Encode(string.Format(System.Globalization.CultureInfo.InvariantCulture, texts.SignedInAs, user?.Email ?? ""))}</p>
            {PageForms.Button(http, antiforgery, "/sign-out", texts.SignOut, secondary: true)}{PageForms.Button(http, antiforgery, "/sign-out/everywhere", texts.SignOutEverywhere, secondary: true)}
            <p class="muted">{HtmlPage.Encode(texts.SignOutEverywhereHint)}</p>
            </section>
            """, lang: texts.Language);
    }

    private static string Status(SignInTexts texts, StoreStatus status) => status == StoreStatus.Active
        ? $"""<span class="badge ok">{HtmlPage.Encode(texts.Active)}</span>"""
        : $"""<span class="badge">{HtmlPage.Encode(texts.Uninstalled)}</span>""";

    private static string PlatformName(string platform) => platform switch
    {
        Platforms.Shopify => "Shopify",
        Platforms.WooCommerce => "WooCommerce",
        Platforms.Demo => "Demo",
        _ => platform,
    };
}
