using System.Text.Encodings.Web;
using CartRecovery.Core.Accounts;
using CartRecovery.Core.Pages;
using CartRecovery.Core.Recovery;
using CartRecovery.Web.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace CartRecovery.Web.Features.Auth;

/// <summary>
/// <c>Authorization: Bearer &lt;session token&gt;</c> from a page embedded in a platform's admin (App Bridge's
/// <c>shopify.idToken()</c>), or the token of an app page loaded there: verified, the shop installed if needed, the staff
/// user made a member on first visit (<see cref="IEmbeddedSignIn"/>, the platform connector's). A refused token gets 401
/// with the admin's retry header (<see cref="EmbeddedAdmin.RetryHeader"/>: <c>X-Shopify-Retry-Invalid-Session-Request: 1</c>),
/// which tells the admin's script to fetch a fresh token and send the request once more.
/// </summary>
internal sealed class EmbeddedSessionTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IEmbeddedSignIn signIn, EmbeddedAdmin admin)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string Bearer = "Bearer ";
    private EmbeddedCaller? _refused;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        var fromForm = false;
        string token;
        if (header.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase))
            token = header[Bearer.Length..].Trim();
        else if (!EmbeddedRequest.IsEmbeddedPage(Request))
            return AuthenticateResult.NoResult();
        else if (HttpMethods.IsGet(Request.Method) || HttpMethods.IsHead(Request.Method))
            token = Request.Query[EmbeddedRequest.TokenField].ToString();
        else
        {
            // A form posted from inside the admin: our script put a fresh token in the form just before submitting (the
            // one in the address is older than a token's minute). Only the form's token vouches for a change.
            token = Request.HasFormContentType ? (await Request.ReadFormAsync(Context.RequestAborted))[EmbeddedRequest.TokenField].ToString() : "";
            fromForm = true;
        }
        if (token.Length == 0)
            return AuthenticateResult.NoResult();
        var caller = await signIn.SignInAsync(token, recordSignIn: false, Context.RequestAborted);
        if (!caller.Succeeded)
        {
            _refused = caller;
            return AuthenticateResult.Fail(caller.Reason ?? "Refused.");
        }
        if (header.Length == 0)
        {
            EmbeddedRequest.Set(Context, new EmbeddedRequest(caller.Store!.ExternalId, Request.Query["host"].ToString(),
                Request.Query["locale"].ToString(), fromForm));
            SecurityHeaders.AllowAdminFraming(Context, admin, caller.Store.ExternalId);
        }
        return AuthenticateResult.Success(new AuthenticationTicket(CallerClaims.ToPrincipal(caller.Scope!, Scheme.Name), Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        // A page of the app loaded in the admin without a (valid) token: the bounce page gets a fresh one.
        if (Request.Headers.Authorization.Count == 0 && _refused?.Failure is null or EmbeddedFailure.InvalidToken)
            return BounceAsync();
        switch (_refused?.Failure)
        {
            case EmbeddedFailure.InstallFailed:
                // The token was good: asking App Bridge for another one would not help.
                return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Shop not connected",
                    detail: _refused.Reason).ExecuteAsync(Context);
            case EmbeddedFailure.NoAccess:
                return CallerChallenges.ForbiddenAsync(Context);
            default:
                Response.Headers[admin.RetryHeader] = "1";
                Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
                return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized",
                    detail: admin.InvalidTokenDetail)
                    .ExecuteAsync(Context);
        }
    }

    /// <summary>
    /// A page loaded in the admin without a valid token goes to the admin's bounce page, which reloads it with a fresh one;
    /// a form posted with an expired token cannot be replayed that way and gets the admin's page that says to try again.
    /// </summary>
    private Task BounceAsync()
    {
        if (!HttpMethods.IsGet(Request.Method) && !HttpMethods.IsHead(Request.Method))
            return Results.Content(admin.StaleFormDocument(Request.Query["locale"].ToString()), PlainPage.ContentType,
                statusCode: StatusCodes.Status401Unauthorized).ExecuteAsync(Context);
        var kept = Request.Query.Where(p => p.Key != EmbeddedRequest.TokenField).ToList();
        // Absolute, on the public address (what Shopify's own libraries send: a proxy may rewrite the Host header).
        var publicBase = Context.RequestServices.GetRequiredService<RecoveryOptions>().PublicBaseUrl;
        var page = QueryHelpers.AddQueryString(new Uri(publicBase, Request.Path.Value!.TrimStart('/')).AbsoluteUri, kept);
        Response.Redirect(admin.BounceLocation(page, kept.Select(p => new KeyValuePair<string, string>(p.Key, p.Value.ToString()))));
        return Task.CompletedTask;
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => CallerChallenges.ForbiddenAsync(Context);
}
