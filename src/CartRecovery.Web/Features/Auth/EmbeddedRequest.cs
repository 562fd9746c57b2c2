namespace CartRecovery.Web.Features.Auth;

/// <summary>
/// A page request from inside a platform's admin (Shopify's), verified by its session token (<c>id_token</c>): the shop the token was
/// issued in and the admin's <c>host</c> and <c>locale</c>, which links of the embedded pages keep. No cookie is involved:
/// the token rides in the query (GET) or in a form field filled just before submit (POST).
/// </summary>
internal sealed record EmbeddedRequest(string Shop, string Host, string? Locale, bool TokenFromForm)
{
    public const string TokenField = "id_token";
    private static readonly object Key = new();

    public static EmbeddedRequest? Of(HttpContext http) =>
        http is not null && http.Items.TryGetValue(Key, out var value) ? value as EmbeddedRequest : null;

    public static void Set(HttpContext http, EmbeddedRequest request)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Items[Key] = request;
    }

    /// <summary>A page request that says it runs embedded (the admin adds <c>embedded=1</c> to the App URL; our links keep it).</summary>
    public static bool IsEmbeddedPage(HttpRequest request) =>
        request is not null && request.Path.StartsWithSegments("/app", StringComparison.OrdinalIgnoreCase) && request.Query["embedded"] == "1";

    /// <summary>The query parameters that keep a link embedded.</summary>
    public IEnumerable<KeyValuePair<string, string?>> LinkParameters()
    {
        yield return new("embedded", "1");
        yield return new("shop", Shop);
        yield return new("host", Host);
        if (Locale is { Length: > 0 })
            yield return new("locale", Locale);
    }
}
