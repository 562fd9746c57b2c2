namespace CartRecovery.Core.Pages;

/// <summary>
/// A platform's admin that shows the app's pages in its frame (Shopify's embedded app). The platform's connector
/// registers one and puts it as endpoint metadata on its own embedded pages; the host reads it for the pages' security
/// headers (which script, which frame ancestors), the app pages' head and the session-token scheme's answers, so the host
/// names no platform.
/// </summary>
public abstract class EmbeddedAdmin
{
    /// <summary>The platform's script every embedded page loads from the platform (App Bridge), allowed by <c>script-src</c>.</summary>
    public abstract string ScriptSource { get; }

    /// <summary>Trusted markup the embedded pages put in their head: the platform's script and what it reads.</summary>
    public abstract string HeadHtml { get; }

    /// <summary>Trusted markup the app's own pages put in their head: <see cref="HeadHtml"/> and the script that gives their links and forms a session token.</summary>
    public abstract string AppHeadHtml { get; }

    /// <summary>
    /// Trusted markup at the top of an app page's body: the admin's own menu for the app (<paramref name="menu"/>, the
    /// first entry its home) and its title bar (<paramref name="title"/>), which the admin shows instead of the app's.
    /// </summary>
    public abstract string Chrome(IReadOnlyList<EmbeddedMenuItem> menu, string title);

    /// <summary>The response header that tells the admin's script to fetch a fresh session token and send the request once more.</summary>
    public abstract string RetryHeader { get; }

    /// <summary>The problem's detail when a session token is missing, invalid or expired.</summary>
    public abstract string InvalidTokenDetail { get; }

    /// <summary>
    /// The origins that may frame a page for <paramref name="shop"/> (<c>frame-ancestors</c>), or null when it does not
    /// name a shop of the platform.
    /// </summary>
    public abstract string? FrameAncestors(string? shop);

    /// <summary>
    /// Where a page of the app opened in the admin without a valid session token goes to get one: <paramref name="page"/>
    /// is the page's absolute public address with its query, less the token; <paramref name="query"/> is that query.
    /// </summary>
    public abstract string BounceLocation(string page, IEnumerable<KeyValuePair<string, string>> query);

    /// <summary>
    /// The whole document answered (401) to a form posted from the admin with an expired token, which cannot be replayed
    /// through <see cref="BounceLocation"/>: it says to try again, in the admin's <paramref name="locale"/>.
    /// </summary>
    public abstract string StaleFormDocument(string? locale);
}
