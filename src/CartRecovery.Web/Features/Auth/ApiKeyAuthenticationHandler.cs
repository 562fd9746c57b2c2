using System.Text.Encodings.Web;
using CartRecovery.Core.Accounts;
using CartRecovery.Web.Features.Admin;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace CartRecovery.Web.Features.Auth;

/// <summary>
/// <c>Authorization: Bearer &lt;key&gt;</c>: the operator's deployment-wide <c>Admin:ApiKey</c> opens every store.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, AdminKey adminKey)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string Bearer = "Bearer ";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase))
            return Task.FromResult(AuthenticateResult.NoResult());
        var presented = header[Bearer.Length..].Trim();
        if (adminKey.Matches(presented))
            return Task.FromResult(Success(AccessScope.Operator));
        return Task.FromResult(AuthenticateResult.Fail("Unknown key."));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) => CallerChallenges.UnauthorizedAsync(Context);

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => CallerChallenges.ForbiddenAsync(Context);

    private AuthenticateResult Success(AccessScope scope) =>
        AuthenticateResult.Success(new AuthenticationTicket(CallerClaims.ToPrincipal(scope, Scheme.Name), Scheme.Name));
}
