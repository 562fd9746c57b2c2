using CartRecovery.Core.Accounts;
using CartRecovery.Web.Features.Auth;
using CartRecovery.Web.Hosting;
using Microsoft.AspNetCore.Antiforgery;

namespace CartRecovery.Web.Features.SignIn;

/// <summary>
/// The host's sign-in of people, for a connector's own sign-in pages (<see cref="IPersonSignIn"/>): the session cookie,
/// the page language and the security headers of the current request.
/// </summary>
internal sealed class PersonSignIn(IHttpContextAccessor accessor, IAntiforgery antiforgery, SessionCookie cookie, ISessionRepository sessions,
    SignInLinks links, AccountEmails emails) : IPersonSignIn
{
    private HttpContext Http => accessor.HttpContext ?? throw new InvalidOperationException("There is no current request.");

    public string Language => PageLanguage.Of(Http.Request);

    public string HomePath => LocalUrl.Home;

    public async Task<(long UserId, string Label)?> SignedInAsync(CancellationToken ct)
    {
        if (CallerClaims.ScopeOf(Http.User) is not { Actor.Kind: ActorKind.User } scope)
            return null;
        return await cookie.FindLiveAsync(Http, ct) is { } session ? (session.UserId, scope.Actor.Label) : null;
    }

    public async Task SignInAsync(long userId, long accountId, CancellationToken ct)
    {
        if (await cookie.FindLiveAsync(Http, ct) is { } session && session.UserId == userId)
            await sessions.SwitchAccountAsync(session.TokenHash, accountId, ct);
        else
            await cookie.SignInAsync(Http, userId, accountId, ct);
    }

    public string FormTokenHtml() => PageForms.Token(Http, antiforgery);

    public async Task<IReadOnlyDictionary<string, string>?> ReadFormAsync() =>
        await PageForms.ReadAsync(Http, antiforgery) is { } form ? form.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal) : null;

    public void AllowFormActionTo(Uri origin) => SecurityHeaders.AllowFormActionTo(Http, origin);

    public async Task SendSignInLinkAsync(string email, string requestedFrom, string language, CancellationToken ct) =>
        await emails.SendSignInLinkAsync(email, await links.IssueAsync(email, requestedFrom, LocalUrl.Home, ct), language, ct);
}
