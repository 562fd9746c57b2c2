namespace CartRecovery.Core.Accounts;

/// <summary>
/// What a connector's own sign-in pages (WooCommerce's connect, door 3 of sign-in) need from the host's sign-in of
/// people outside any platform's admin: on the current request, the page's language, its form's antiforgery, the person
/// signed in, signing the browser in to an account and letting the page's form lead to another site; and a sign-in link
/// by email. The host implements it over its session cookie, page language, antiforgery and security headers.
/// </summary>
public interface IPersonSignIn
{
    /// <summary>The current page's language (<c>en</c> or <c>fr</c>): the person's choice, else the browser's.</summary>
    string Language { get; }

    /// <summary>The app's landing page for a person just signed in (a local path).</summary>
    string HomePath { get; }

    /// <summary>The person signed in on the current request with a live session (their id and how the app shows them), or null.</summary>
    Task<(long UserId, string Label)?> SignedInAsync(CancellationToken ct);

    /// <summary>
    /// Signs the current browser in as <paramref name="userId"/> in <paramref name="accountId"/>; a browser already
    /// signed in as that person moves to the account instead.
    /// </summary>
    Task SignInAsync(long userId, long accountId, CancellationToken ct);

    /// <summary>The hidden field that proves the current page's form is ours (issuing its antiforgery cookie on this response).</summary>
    string FormTokenHtml();

    /// <summary>The current request's posted form, or null when it is not a form or its antiforgery token is missing or wrong.</summary>
    Task<IReadOnlyDictionary<string, string>?> ReadFormAsync();

    /// <summary>Lets the current page's form lead to <paramref name="origin"/> too (its answer redirects there).</summary>
    void AllowFormActionTo(Uri origin);

    /// <summary>Emails <paramref name="email"/> a fresh sign-in link to the app, in <paramref name="language"/>.</summary>
    Task SendSignInLinkAsync(string email, string requestedFrom, string language, CancellationToken ct);
}
