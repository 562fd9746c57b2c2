namespace CartRecovery.Web.Features.SignIn;

/// <summary>Where a sign-in may send the browser afterwards: a path of this app, never another site (no open redirect).</summary>
internal static class LocalUrl
{
    public const string Home = "/app";

    /// <summary>
    /// <paramref name="returnUrl"/> when it is a local path (<c>/x</c>, not <c>//host</c>, <c>/\host</c> or anything with a
    /// scheme or control character), else <see cref="Home"/>.
    /// </summary>
    public static string OrHome(string? returnUrl) => IsLocal(returnUrl) ? returnUrl! : Home;

    public static bool IsLocal(string? url) =>
        url is { Length: > 0 and <= 2048 }
        && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(c => char.IsControl(c) || c == '\\');
}
