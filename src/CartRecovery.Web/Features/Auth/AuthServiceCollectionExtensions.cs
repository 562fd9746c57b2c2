using Microsoft.AspNetCore.Authentication;

namespace CartRecovery.Web.Features.Auth;

internal static class AuthServiceCollectionExtensions
{
    /// <summary>Every way in (<see cref="CallerSchemes"/>) behind one default scheme, and the role policies.</summary>
    public static IServiceCollection AddCallerAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(CallerSchemes.Caller)
            .AddPolicyScheme(CallerSchemes.Caller, null, o => o.ForwardDefaultSelector = CallerSchemes.Select)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(CallerSchemes.ApiKey, null)
            .AddScheme<AuthenticationSchemeOptions, SessionAuthenticationHandler>(CallerSchemes.Session, null)
            .AddScheme<AuthenticationSchemeOptions, EmbeddedSessionTokenHandler>(CallerSchemes.EmbeddedSessionToken, null);
        services.AddAuthorizationBuilder().AddCallerPolicies();
        services.AddHttpContextAccessor();
        services.AddScoped<StoreAccess>();
        services.AddSingleton<Audit.AuditTrail>();
        // The account rules the API and the pages share (team, keys, invitations).
        services.AddScoped<Accounts.TeamChanges>();
        services.AddScoped<Accounts.ApiKeyIssuer>();
        services.AddScoped<Invitations.InvitationSender>();
        return services;
    }
}
