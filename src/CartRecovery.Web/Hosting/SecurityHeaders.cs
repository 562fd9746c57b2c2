using CartRecovery.Core.Pages;
using CartRecovery.Core.Recovery;
using CartRecovery.Web.Pages;

namespace CartRecovery.Web.Hosting;

/// <summary>
/// The headers every response carries, pages, API answers, errors and redirects alike: a Content-Security-Policy that
/// allows nothing but our own style block, images and forms; no framing; no MIME sniffing; no referrer leaving a page
/// whose address carries a token; HSTS when the public address is https.
/// </summary>
internal static class SecurityHeaders
{
    // Our pages have no inline script, one inline style block (allowed by its hash) or our stylesheet, images from us or the shop's CDN
    // (cart thumbnails) and forms that post back to us. API answers are JSON, for which the policy costs nothing.
    private static readonly string BasePolicy =
        $"default-src 'none'; style-src 'self' {HtmlPage.StyleSource}; img-src 'self' https: data:; base-uri 'none'";

    private static readonly object FormActionKey = new();

    private static readonly object StyleKey = new();

    /// <summary>
    /// Lets this page carry one more style block, <paramref name="css"/>, allowed by its hash like the base one (a
    /// shop's brand colour on the pages its customers see).
    /// </summary>
    public static void AllowStyle(HttpContext http, string css)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(css);
        http.Items[StyleKey] = $"'sha256-{Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(css)))}'";
    }

    /// <summary>
    /// Lets this page's form lead to <paramref name="origin"/> too: browsers apply form-action to the redirects that
    /// follow a submission (the WooCommerce connect form's answer redirects to the shop's approval page).
    /// </summary>
    public static void AllowFormActionTo(HttpContext http, Uri origin)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(origin);
        http.Items[FormActionKey] = origin.GetLeftPart(UriPartial.Authority);
    }

    // Restore (/r/), unsubscribe (/u/) and reason (/why/) addresses are bearer tokens: neither the shop we redirect to nor any link
    // followed from the page may learn them from the Referer header.
    private static readonly PathString[] TokenPaths = ["/r", "/u", "/why"];

    private static readonly object EmbeddedKey = new();

    /// <summary>
    /// Lets the platform's <paramref name="admin"/> of <paramref name="shop"/> (the shop a verified session token was issued
    /// in) frame this response and its page load the admin's script: the app's pages, when they run embedded. A connector's
    /// own embedded pages say so by carrying the <see cref="EmbeddedAdmin"/> as endpoint metadata (framed by the shop of a
    /// valid <c>shop</c> query parameter). Other responses stay unframeable.
    /// </summary>
    public static void AllowAdminFraming(HttpContext http, EmbeddedAdmin admin, string shop)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(admin);
        if (admin.FrameAncestors(shop) is { } ancestors)
            http.Items[EmbeddedKey] = new EmbeddedFrame(admin.ScriptSource, ancestors);
    }

    /// <summary>Registers the headers before anything writes a response, so errors and redirects carry them too.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        var recovery = app.ApplicationServices.GetRequiredService<RecoveryOptions>();
        var hsts = recovery.PublicBaseUrl.Scheme == Uri.UriSchemeHttps;
        return app.Use((http, next) =>
        {
            // Set when the response starts, not now: the exception handler and status-code pages clear or replace
            // the response on their way, and headers set this early would be lost with it.
            http.Response.OnStarting(() =>
            {
                Apply(http, hsts);
                return Task.CompletedTask;
            });
            return next(http);
        });
    }

    private static void Apply(HttpContext http, bool hsts)
    {
        var headers = http.Response.Headers;
        var metadata = http.GetEndpoint()?.Metadata;
        var embedded = Embedded(http, metadata);
        var frameAncestors = embedded?.FrameAncestors ?? "'none'";
        // An embedded page runs the admin's script, which the platform requires from its CDN, and our own script files
        // (no inline script), and fetches back to us.
        var scripts = embedded is not null
            ? $"; script-src {embedded.ScriptSource} 'self'; connect-src 'self'"
            : metadata?.GetMetadata<OwnScriptsAttribute>() is not null ? "; script-src 'self'" : "";
        var formAction = http.Items.TryGetValue(FormActionKey, out var extra) ? $"'self' {extra}" : "'self'";
        var policy = http.Items.TryGetValue(StyleKey, out var style)
            ? BasePolicy.Replace(HtmlPage.StyleSource, $"{HtmlPage.StyleSource} {style}", StringComparison.Ordinal)
            : BasePolicy;
        headers.ContentSecurityPolicy = $"{policy}{scripts}; form-action {formAction}; frame-ancestors {frameAncestors}";
        // --- Email previews (web app): the editors frame rendered emails, which carry a policy of their own. ---
        if (metadata?.GetMetadata<FramesEmailPreviewsAttribute>() is not null)
            headers.ContentSecurityPolicy += FramesEmailPreviewsAttribute.Directives;
        if (metadata?.GetMetadata<EmailPreviewDocumentAttribute>() is not null)
        {
            headers.ContentSecurityPolicy = EmailPreviewDocumentAttribute.Policy;
            frameAncestors = "'self'";
            headers.XFrameOptions = "SAMEORIGIN";
        }
        // Browsers that know frame-ancestors ignore X-Frame-Options; older ones only know DENY and SAMEORIGIN.
        if (frameAncestors == "'none'")
            headers.XFrameOptions = "DENY";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = TokenPaths.Any(p => http.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase))
            ? "no-referrer"
            : "strict-origin-when-cross-origin";
        if (hsts)
            headers.StrictTransportSecurity = "max-age=31536000";
    }

    /// <summary>
    /// The admin frame this response may be shown in: the one a verified session token allowed, else the one of the
    /// endpoint's <see cref="EmbeddedAdmin"/> for the request's <c>shop</c> (no frame ancestors when it names no shop).
    /// </summary>
    private static EmbeddedFrame? Embedded(HttpContext http, EndpointMetadataCollection? metadata)
    {
        if (http.Items.TryGetValue(EmbeddedKey, out var verified))
            return (EmbeddedFrame)verified!;
        if (metadata?.GetMetadata<EmbeddedAdmin>() is not { } admin)
            return null;
        return new EmbeddedFrame(admin.ScriptSource, admin.FrameAncestors(http.Request.Query["shop"].ToString()) ?? "'none'");
    }

    private sealed record EmbeddedFrame(string ScriptSource, string FrameAncestors);
}
