using System.Text.Encodings.Web;
using CartRecovery.Core.Accounts;
using CartRecovery.Web.Features.Admin;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace CartRecovery.Web.Features.Auth;

/// <summary>
/// <c>Authorization: Bearer &lt;key&gt;</c>: the operator's deployment-wide <c>Admin:ApiKey</c> opens every store; an
/// account's key (<c>crk_…</c>, <see cref="ApiKeyToken"/>) opens its account's stores (or the ones it was given) with its
/// role, while it is neither revoked nor expired.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, AdminKey adminKey, IApiKeyRepository keys,
    TimeProvider time)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string Bearer = "Bearer ";

    /// <summary>A key's last use is written at most this often: it is a write on every request otherwise.</summary>
    internal static readonly TimeSpan LastUseResolution = TimeSpan.FromMinutes(1);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase))
            return AuthenticateResult.NoResult();
        var presented = header[Bearer.Length..].Trim();
        if (adminKey.Matches(presented))
            return Success(AccessScope.Operator);
        if (!ApiKeyToken.TryParse(presented, out var token)
            || await keys.FindByPrefixAsync(token.Prefix, Context.RequestAborted) is not { } found
            || !token.Matches(found.SecretHash))
            return AuthenticateResult.Fail("Unknown key.");

        var key = found.Key;
        var now = time.GetUtcNow();
        if (!key.IsUsableAt(now))
            return AuthenticateResult.Fail("The key is revoked or expired.");
        if (key.LastUsedAt is not { } lastUsed || now - lastUsed >= LastUseResolution)
            await keys.TouchAsync(key.Id, now, Context.RequestAborted);
        return Success(AccessScope.ForAccount(key.AccountId, key.Role, key.StoreIds, Actor.ForKey(key)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) => CallerChallenges.UnauthorizedAsync(Context);

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => CallerChallenges.ForbiddenAsync(Context);

    private AuthenticateResult Success(AccessScope scope) =>
        AuthenticateResult.Success(new AuthenticationTicket(CallerClaims.ToPrincipal(scope, Scheme.Name), Scheme.Name));
}
