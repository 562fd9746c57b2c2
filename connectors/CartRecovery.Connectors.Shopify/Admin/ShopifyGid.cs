using System.Globalization;

namespace CartRecovery.Connectors.Shopify.Admin;

/// <summary>
/// Shopify global ids (<c>gid://shopify/AbandonedCheckout/123</c>). The numeric tail is the resource's legacy id, the
/// same number REST payloads and webhooks carry as <c>id</c>.
/// </summary>
internal static class ShopifyGid
{
    private const string Prefix = "gid://shopify/";

    public static string Build(string type, string numericId) => $"{Prefix}{type}/{numericId}";

    /// <summary>The numeric id of a gid (query string stripped), or null when it is not one.</summary>
    public static string? NumericId(string? gid)
    {
        if (gid is null || !gid.StartsWith(Prefix, StringComparison.Ordinal))
            return null;
        var tail = gid[(gid.LastIndexOf('/') + 1)..];
        var query = tail.IndexOf('?', StringComparison.Ordinal);
        if (query >= 0)
            tail = tail[..query];
        return long.TryParse(tail, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id.ToString(CultureInfo.InvariantCulture)
            : null;
    }
}
