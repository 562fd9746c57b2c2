using System.Text.RegularExpressions;
using CartRecovery.Connectors.Shopify.Admin;

namespace CartRecovery.Connectors.Shopify.Checkouts;

/// <summary>The identifiers a Shopify checkout is known by, under the names the platform uses.</summary>
internal static partial class ShopifyCheckoutRefs
{
    public const string Id = "id";
    public const string Token = "token";
    public const string CartToken = "cart_token";
    public const string Gid = "gid";
    public const string RecoveryToken = "recovery_token";

    public static IReadOnlyDictionary<string, string> Build(string? id, string? token, string? cartToken, string? recoveryUrl, string? gid = null)
    {
        var refs = new Dictionary<string, string>(StringComparer.Ordinal);
        Add(refs, Id, id);
        Add(refs, Token, token);
        Add(refs, CartToken, cartToken);
        Add(refs, Gid, gid ?? (id is null ? null : ShopifyGid.Build("AbandonedCheckout", id)));
        // The recovery URL carries a checkout or cart token in its path (/checkouts/{token}/recover in webhook samples,
        // /checkouts/ac/{cart_token}/recover in GraphQL samples). GraphQL exposes neither token directly, so this is
        // what lets a polled checkout meet the same checkout seen through a webhook that had no id.
        if (RecoveryTokenOf(recoveryUrl) is { } fromUrl && !refs.ContainsValue(fromUrl))
            refs[RecoveryToken] = fromUrl;
        return refs;
    }

    public static string? RecoveryTokenOf(string? recoveryUrl)
    {
        if (recoveryUrl is null || !Uri.TryCreate(recoveryUrl, UriKind.Absolute, out var url))
            return null;
        var match = RecoverPath().Match(url.AbsolutePath);
        return match.Success ? match.Groups[1].Value : null;
    }

    private static void Add(Dictionary<string, string> refs, string key, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
            refs[key] = value;
    }

    [GeneratedRegex(@"/checkouts/(?:[a-z]{1,3}/)?([^/]+)/recover/?\z", RegexOptions.CultureInvariant)]
    private static partial Regex RecoverPath();
}
