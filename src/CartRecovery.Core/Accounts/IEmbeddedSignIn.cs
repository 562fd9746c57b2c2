namespace CartRecovery.Core.Accounts;

/// <summary>
/// The sign-in door of an app opened inside a platform's admin (Shopify's embedded app): a session token the admin
/// issued becomes a caller scoped to that one store. The platform's connector implements it; the host's authentication
/// and pages call it.
/// </summary>
public interface IEmbeddedSignIn
{
    /// <summary>
    /// The caller behind <paramref name="sessionToken"/>, or why there is none. <paramref name="recordSignIn"/> marks a
    /// sign-in (the page load), as opposed to the API calls the page makes with a fresh token each time.
    /// </summary>
    Task<EmbeddedCaller> SignInAsync(string? sessionToken, bool recordSignIn, CancellationToken ct);
}
