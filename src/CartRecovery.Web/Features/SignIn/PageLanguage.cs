namespace CartRecovery.Web.Features.SignIn;

/// <summary>
/// The language of the pages and emails: the person's choice (the language button's cookie), else the first of the
/// browser's Accept-Language we write (English or French).
/// </summary>
internal static class PageLanguage
{
    public const string English = "en";
    public const string French = "fr";

    /// <summary>The cookie the language button sets (ASP.NET Core's culture cookie format, <c>c=fr|uic=fr</c>).</summary>
    public const string CookieName = "cr_lang";

    public static string Of(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Microsoft.AspNetCore.Localization.CookieRequestCultureProvider.ParseCookieValue(request.Cookies[CookieName] ?? "") is { } chosen
            && chosen.UICultures is [var ui, ..] && ui.Value is English or French)
            return ui.Value;
        IList<Microsoft.Net.Http.Headers.StringWithQualityHeaderValue> accepted;
        try
        {
            accepted = request.GetTypedHeaders().AcceptLanguage;
        }
        catch (FormatException)
        {
            return English;
        }
        // OrderByDescending is stable: equal qualities keep the browser's order.
        foreach (var language in accepted.OrderByDescending(a => a.Quality ?? 1).Select(a => a.Value.Value ?? ""))
        {
            var code = language.Split('-', '_')[0].Trim().ToLowerInvariant();
            if (code is English or French)
                return code;
        }
        return English;
    }
}
