using System.Text.Encodings.Web;
using CartRecovery.Core.Accounts;
using CartRecovery.Web.Features.Shopify;
using CartRecovery.Web.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace CartRecovery.Web.Features.Auth;

/// <summary>
/// <c>Authorization: Bearer &lt;session token&gt;</c> from the embedded app's page (App Bridge's <c>shopify.idToken()</c>):
/// verified, the shop installed if needed, the staff user made a member on first visit (<see cref="IEmbeddedSignIn"/>, the Shopify connector's).
/// A refused token gets 401 with <c>X-Shopify-Retry-Invalid-Session-Request: 1</c>, which tells App Bridge to fetch a
/// fresh token and send the request once more.
/// </summary>
internal sealed class ShopifySessionTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IEmbeddedSignIn signIn)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string RetryHeader = "X-Shopify-Retry-Invalid-Session-Request";
    private const string Bearer = "Bearer ";
    private EmbeddedCaller? _refused;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        var fromForm = false;
        string token;
        if (header.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase))
            token = header[Bearer.Length..].Trim();
        else if (!ShopifyEmbeddedRequest.IsEmbeddedPage(Request))
            return AuthenticateResult.NoResult();
        else if (HttpMethods.IsGet(Request.Method) || HttpMethods.IsHead(Request.Method))
            token = Request.Query[ShopifyEmbeddedRequest.TokenField].ToString();
        else
        {
            // A form posted from inside the admin: our script put a fresh token in the form just before submitting (the
            // one in the address is older than a token's minute). Only the form's token vouches for a change.
            token = Request.HasFormContentType ? (await Request.ReadFormAsync(Context.RequestAborted))[ShopifyEmbeddedRequest.TokenField].ToString() : "";
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
            ShopifyEmbeddedRequest.Set(Context, new ShopifyEmbeddedRequest(caller.Store!.ExternalId, Request.Query["host"].ToString(),
                Request.Query["locale"].ToString(), fromForm));
            SecurityHeaders.AllowShopifyAdminFraming(Context, caller.Store.ExternalId);
        }
        return AuthenticateResult.Success(new AuthenticationTicket(CallerClaims.ToPrincipal(caller.Scope!, Scheme.Name), Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        // A page of the app loaded in the admin without a (valid) token: the bounce page gets a fresh one.
        if (Request.Headers.Authorization.Count == 0 && _refused?.Failure is null or EmbeddedFailure.InvalidToken)
            return ShopifyEmbeddedBounce.ChallengeAsync(Context);
        switch (_refused?.Failure)
        {
            case EmbeddedFailure.InstallFailed:
                // The token was good: asking App Bridge for another one would not help.
                return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Shop not connected",
                    detail: _refused.Reason).ExecuteAsync(Context);
            case EmbeddedFailure.NoAccess:
                return CallerChallenges.ForbiddenAsync(Context);
            default:
                Response.Headers[RetryHeader] = "1";
                Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
                return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized",
                    detail: "The Shopify session token is missing, invalid or expired; fetch a fresh one with shopify.idToken().")
                    .ExecuteAsync(Context);
        }
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => CallerChallenges.ForbiddenAsync(Context);
}
