using System.Globalization;
using CartRecovery.Web.Features.Auth;
using CartRecovery.Web.Features.SignIn;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Routing;

namespace CartRecovery.Web.Pages.AppShell;

/// <summary>The web app for merchants and agencies: Razor Pages under <c>/app</c>, in English and French.</summary>
internal static class WebAppServiceCollectionExtensions
{
    private static readonly CultureInfo[] Cultures = [new(PageLanguage.English), new(PageLanguage.French)];

    public static IServiceCollection AddWebApp(this IServiceCollection services)
    {
        services.AddScoped<WorkspaceLoader>();
        services.AddSingleton<Previews.EmailPreviews>();
        services.AddScoped<PlanNotices>();
        services.AddScoped<OptOutReasonWords>();
        services.AddLocalization();
        // A page answers GET and its forms' POST; any other method is a 405 before the page runs.
        services.AddRazorPages(o => o.Conventions.AddFolderApplicationModelConvention("/",
            page => page.EndpointMetadata.Add(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Post]))))
            .AddViewLocalization();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(PageLanguage.English);
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            // The person's choice (the language button) first, else the browser's.
            o.RequestCultureProviders =
            [
                // Inside the Shopify admin: the admin's language (no cookie can be kept in its frame).
                new CustomRequestCultureProvider(http => Task.FromResult(EmbeddedRequest.IsEmbeddedPage(http.Request)
                    && http.Request.Query["locale"].ToString() is { Length: >= 2 } locale
                        ? new ProviderCultureResult(locale[..2].ToLowerInvariant()) : null)),
                new CookieRequestCultureProvider { CookieName = PageLanguage.CookieName },
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        EmbeddedAntiforgery.Register(services);
        return services;
    }

    /// <summary>Static assets, the pages' language and the pages themselves; the API keeps the invariant culture.</summary>
    public static WebApplication UseWebApp(this WebApplication app)
    {
        app.UseStaticFiles();
        app.UseWhen(http => !http.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase),
            branch => branch.UseRequestLocalization());
        return app;
    }

    public static IEndpointRouteBuilder MapWebApp(this IEndpointRouteBuilder app)
    {
        app.MapRazorPages();
        app.MapPost("/app/language", ChooseLanguageAsync).DisableAntiforgery().ExcludeFromDescription();
        return app;
    }

    /// <summary>The language button: remembers the choice for a year and goes back to the page.</summary>
    private static async Task<IResult> ChooseLanguageAsync(HttpContext http, IAntiforgery antiforgery)
    {
        var texts = SignInTexts.For(http.Request);
        if (await PageForms.ReadAsync(http, antiforgery) is not { } form)
            return PageForms.Expired(texts);
        var language = form["lang"].ToString() == PageLanguage.French ? PageLanguage.French : PageLanguage.English;
        http.Response.Cookies.Append(PageLanguage.CookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(language)),
            new CookieOptions { MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = http.Request.IsHttps, IsEssential = true });
        return Results.Redirect(LocalUrl.OrHome(form["returnUrl"].ToString()));
    }
}
