namespace CartRecovery.Web.Features.SignIn;

/// <summary>The language of the sign-in pages and emails: the first of the browser's Accept-Language we write (English or French).</summary>
internal static class PageLanguage
{
    public const string English = "en";
    public const string French = "fr";

    public static string Of(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
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
