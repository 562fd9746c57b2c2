using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace CartRecovery.Web.Features.Auth;

/// <summary>A Shopify App Bridge session token from an embedded page. Not verified yet: such a bearer is refused.</summary>
internal sealed class ShopifySessionTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync() =>
        Task.FromResult(AuthenticateResult.Fail("Shopify session tokens are not accepted yet."));

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) => CallerChallenges.UnauthorizedAsync(Context);

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => CallerChallenges.ForbiddenAsync(Context);
}
