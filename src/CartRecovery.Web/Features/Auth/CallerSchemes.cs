namespace CartRecovery.Web.Features.Auth;

/// <summary>
/// The authentication schemes, one per way in. <see cref="Caller"/> is the default: it looks at the request and
/// forwards to the one that can read it, so endpoints never name a scheme.
/// </summary>
internal static class CallerSchemes
{
    /// <summary>The policy scheme that picks one of the others.</summary>
    public const string Caller = "Caller";
    /// <summary><c>Authorization: Bearer</c> with the operator's <c>Admin:ApiKey</c> or an account's API key (<c>crk_…</c>).</summary>
    public const string ApiKey = "ApiKey";
    /// <summary><c>Authorization: Bearer</c> with a session token (a JWT) from a page embedded in a platform's admin (Shopify's App Bridge).</summary>
    public const string EmbeddedSessionToken = "EmbeddedSessionToken";
    /// <summary>The session cookie of a person signed in outside Shopify (email link, WooCommerce connect).</summary>
    public const string Session = "Session";

    private const string Bearer = "Bearer ";

    /// <summary>Which scheme reads this request: a bearer JWT is an embedded page's session token, another bearer a key, else the cookie.</summary>
    public static string Select(HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString();
        if (!header.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase))
            // A page of the app inside a platform's admin carries its session token in the query or the form, never a cookie.
            return EmbeddedRequest.IsEmbeddedPage(http.Request) ? EmbeddedSessionToken : Session;
        var token = header.AsSpan(Bearer.Length).Trim();
        return token.Count('.') == 2 ? EmbeddedSessionToken : ApiKey;
    }
}
