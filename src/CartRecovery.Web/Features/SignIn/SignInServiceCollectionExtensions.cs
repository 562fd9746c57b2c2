using CartRecovery.Core.Accounts;
using CartRecovery.Core.Recovery;
using CartRecovery.Web.Features.Invitations;
using Microsoft.Extensions.Options;

namespace CartRecovery.Web.Features.SignIn;

internal static class SignInServiceCollectionExtensions
{
    /// <summary>Sessions, email-link sign-in, invitations and the antiforgery tokens of their forms (section <c>Accounts</c>).</summary>
    public static IServiceCollection AddAccountSignIn(this IServiceCollection services)
    {
        services.AddOptions<AccountsOptions>().BindConfiguration(AccountsOptions.Section)
            .Validate(o => o.SessionIdleHours > 0 && o.SessionDays > 0, "Accounts:SessionIdleHours and Accounts:SessionDays must be above 0")
            .Validate(o => o.SignInLinksPerAddressPerHour >= 1 && o.SignInLinksPerClientPerHour >= 1,
                "Accounts:SignInLinksPerAddressPerHour and Accounts:SignInLinksPerClientPerHour must be at least 1")
            .Validate(o => o.InvitationDays > 0, "Accounts:InvitationDays must be above 0")
            .ValidateOnStart();
        services.AddAntiforgery();
        services.AddOptions<Microsoft.AspNetCore.Antiforgery.AntiforgeryOptions>().Configure<RecoveryOptions>((o, recovery) =>
        {
            o.Cookie.Name = "cr_af";
            o.FormFieldName = "__af";
            o.Cookie.SecurePolicy = recovery.PublicBaseUrl.Scheme == Uri.UriSchemeHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            // SecurityHeaders decides framing for every response.
            o.SuppressXFrameOptionsHeader = true;
        });
        services.AddSingleton<SessionCookie>();
        services.AddSingleton<AccountEmails>();
        services.AddSingleton<SignInLinks>();
        // Door 3 and any other connector's sign-in pages (WooCommerce's connect) sign people in through this.
        services.AddSingleton<IPersonSignIn, PersonSignIn>();
        return services;
    }

    /// <summary>The sign-in pages, the signed-in landing page and invitations.</summary>
    public static IEndpointRouteBuilder MapAccountSignIn(this IEndpointRouteBuilder app)
    {
        app.MapSignIn();
        app.MapInvitations();
        return app;
    }
}
