using CartRecovery.Web.Features.Auth;
using Microsoft.AspNetCore.Antiforgery;

namespace CartRecovery.Web.Pages.AppShell;

/// <summary>
/// Antiforgery for pages that also run inside the Shopify admin. There the browser keeps no cookie of ours (the frame is
/// a third party), so the cookie half of the antiforgery pair never comes back; instead the form carries a session token
/// our script asked App Bridge for just before submitting. That token is signed by Shopify for this app, names the
/// shop and the staff user and lasts one minute: another site cannot make one, so it proves the form is ours as the
/// pair would. Every other request is checked by the framework's antiforgery as before.
/// </summary>
internal sealed class EmbeddedAntiforgery(IAntiforgery inner) : IAntiforgery
{
    public static void Register(IServiceCollection services)
    {
        services.AddAntiforgery();
        var original = services.Last(d => d.ServiceType == typeof(IAntiforgery));
        services.Remove(original);
        services.Add(ServiceDescriptor.Describe(typeof(IAntiforgery),
            sp => new EmbeddedAntiforgery((IAntiforgery)ActivatorUtilities.CreateInstance(sp, original.ImplementationType!)), original.Lifetime));
    }

    private static bool VouchedByFormToken(HttpContext http) => EmbeddedRequest.Of(http) is { TokenFromForm: true };

    public AntiforgeryTokenSet GetAndStoreTokens(HttpContext httpContext) => inner.GetAndStoreTokens(httpContext);

    public AntiforgeryTokenSet GetTokens(HttpContext httpContext) => inner.GetTokens(httpContext);

    public Task<bool> IsRequestValidAsync(HttpContext httpContext) =>
        VouchedByFormToken(httpContext) ? Task.FromResult(true) : inner.IsRequestValidAsync(httpContext);

    public Task ValidateRequestAsync(HttpContext httpContext) =>
        VouchedByFormToken(httpContext) ? Task.CompletedTask : inner.ValidateRequestAsync(httpContext);

    public void SetCookieTokenAndHeader(HttpContext httpContext) => inner.SetCookieTokenAndHeader(httpContext);
}
