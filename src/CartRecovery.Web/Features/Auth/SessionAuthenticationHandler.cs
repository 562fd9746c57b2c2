using System.Text.Encodings.Web;
using CartRecovery.Core.Accounts;
using CartRecovery.Web.Features.SignIn;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace CartRecovery.Web.Features.Auth;

/// <summary>
/// The session cookie of a person signed in outside Shopify (<see cref="SessionCookie"/>). The scope is read from the
/// person's membership in the session's account on every request, so a person removed from the account, or whose
/// role changed, has that effect at once. Pages challenge with a redirect to the sign-in page, the API with 401.
/// </summary>
internal sealed class SessionAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    SessionCookie cookie, ISessionRepository sessions, IAccountRepository accounts, TimeProvider time)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var ct = Context.RequestAborted;
        if (await cookie.FindLiveAsync(Context, ct) is not { AccountId: { } accountId } session)
            return AuthenticateResult.NoResult();
        if (await accounts.GetMembershipAsync(accountId, session.UserId, ct) is not { } membership
            || await accounts.GetUserAsync(session.UserId, ct) is not { } user)
            return AuthenticateResult.NoResult();
        var now = time.GetUtcNow();
        if (SessionLifetime.NeedsTouch(session, now))
            await sessions.TouchAsync(session.TokenHash, now, ct);
        var scope = AccessScope.ForAccount(accountId, membership.Role, membership.StoreIds, Actor.ForUser(user));
        return AuthenticateResult.Success(new AuthenticationTicket(CallerClaims.ToPrincipal(scope, Scheme.Name), Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (IsApi(Context.Request))
            return CallerChallenges.UnauthorizedAsync(Context);
        var here = Context.Request.PathBase + Context.Request.Path + Context.Request.QueryString;
        Context.Response.Redirect("/sign-in?returnUrl=" + Uri.EscapeDataString(LocalUrl.OrHome(here)));
        return Task.CompletedTask;
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        if (IsApi(Context.Request))
            return CallerChallenges.ForbiddenAsync(Context);
        var texts = SignInTexts.For(Context.Request);
        return PageForms.Message(texts, texts.ForbiddenTitle, texts.ForbiddenText, StatusCodes.Status403Forbidden, (LocalUrl.Home, texts.AppTitle))
            .ExecuteAsync(Context);
    }

    private static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);
}
