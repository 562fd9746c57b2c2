namespace CartRecovery.Connectors.WooCommerce.Connect;

/// <summary>
/// A shop's address in one canonical form, used as <see cref="Core.Stores.Store.ExternalId"/>: absolute http(s), no
/// credentials, query or fragment, lower-case host, no default port, no trailing slash. Subdirectory installs keep
/// their path (<c>https://example.com/shop</c>), because WordPress's home URL, and hence every route, includes it.
/// </summary>
internal static class WooCommerceSiteUrl
{
    /// <summary>Parses what a merchant typed. Without a scheme, https is assumed, as WooCommerce's own wc-auth does.</summary>
    public static bool TryNormalize(string? input, out Uri? site, out string? error)
    {
        site = null;
        var text = input?.Trim() ?? "";
        if (text.Length == 0)
        {
            error = "siteUrl is required";
            return false;
        }
        if (!text.Contains("://", StringComparison.Ordinal))
            text = "https://" + text;
        if (text.Length > 2000 || !Uri.TryCreate(text, UriKind.Absolute, out var uri))
        {
            error = "siteUrl must be an absolute http or https URL";
            return false;
        }
        return TryNormalize(uri, out site, out error);
    }

    public static bool TryNormalize(Uri? input, out Uri? site, out string? error)
    {
        site = null;
        error = input switch
        {
            null => "siteUrl is required",
            { IsAbsoluteUri: false } => "siteUrl must be an absolute http or https URL",
            _ when input.Scheme != Uri.UriSchemeHttp && input.Scheme != Uri.UriSchemeHttps => "siteUrl must use http or https",
            { UserInfo.Length: > 0 } => "siteUrl must not contain credentials",
            { Fragment.Length: > 0 } => "siteUrl must not contain a fragment",
            { Query.Length: > 0 } => "siteUrl must not contain a query string",
            { HostNameType: UriHostNameType.Unknown or UriHostNameType.Basic } => "siteUrl must name a host",
            _ => null,
        };
        if (error is not null)
            return false;
        var path = input!.AbsolutePath.TrimEnd('/');
        // An internationalized host is kept in its ASCII (punycode) form: the URL goes into a Location header and an id.
        var authority = input.HostNameType == UriHostNameType.Dns
            ? $"{input.Scheme}://{input.IdnHost}{(input.IsDefaultPort ? "" : $":{input.Port}")}"
            : input.GetLeftPart(UriPartial.Authority);
        site = new Uri(authority.ToLowerInvariant() + path);
        return true;
    }

    /// <summary>The canonical form, or <see cref="ArgumentException"/> naming the rule it breaks.</summary>
    public static Uri Normalize(Uri input) =>
        TryNormalize(input, out var site, out var error) ? site! : throw new ArgumentException(error, nameof(input));

    /// <summary>
    /// The hosts that are the shop's own: the site's host and its <c>www.</c> twin (WordPress's home URL often differs
    /// from the address typed by just that). Restore links and the stored home URL must stay on these.
    /// </summary>
    public static IReadOnlyCollection<string> OwnHosts(Uri site)
    {
        ArgumentNullException.ThrowIfNull(site);
        var host = site.IdnHost.TrimEnd('.').ToLowerInvariant();
        if (site.HostNameType is not UriHostNameType.Dns)
            return [host];
        return host.StartsWith("www.", StringComparison.Ordinal) ? [host, host[4..]] : [host, "www." + host];
    }

    /// <summary>The store's external id: the canonical URL as text, without a trailing slash.</summary>
    public static string ExternalId(Uri site) => Normalize(site).AbsoluteUri.TrimEnd('/');
}
