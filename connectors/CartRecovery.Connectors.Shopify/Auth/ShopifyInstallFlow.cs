using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CartRecovery.Connectors.Shopify.Admin;
using CartRecovery.Core.Stores;
using Microsoft.Extensions.Options;

namespace CartRecovery.Connectors.Shopify.Auth;

/// <summary>
/// The public-app install (authorization code grant,
/// https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens/authorization-code-grant): verify the
/// install request and send the merchant to Shopify's authorize page, then verify the callback, exchange the code for an
/// expiring offline token and connect the store. Bad input is answered with a typed failure, never an exception, and a
/// refused callback creates nothing.
/// </summary>
internal sealed class ShopifyInstallFlow
{
    private readonly IOptions<ShopifyOptions> _options;
    private readonly ShopifyOAuthClient _oauth;
    private readonly ShopifyStoreRegistration _registration;
    private readonly TimeProvider _time;

    public ShopifyInstallFlow(IOptions<ShopifyOptions> options, ShopifyOAuthClient oauth, ShopifyStoreRegistration registration, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(oauth);
        ArgumentNullException.ThrowIfNull(registration);
        ArgumentNullException.ThrowIfNull(time);
        _options = options;
        _oauth = oauth;
        _registration = registration;
        _time = time;
    }

    /// <summary>
    /// Checks the install request (hmac, shop, timestamp) and builds the authorize URL for an offline token (no
    /// <c>grant_options[]</c>). The host keeps <see cref="InstallStart.State"/> (a cookie) for <see cref="CompleteAsync"/>.
    /// </summary>
    public InstallStart Start(IReadOnlyDictionary<string, string> query, Uri redirectUri)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(redirectUri);
        var options = _options.Value;
        if (!options.IsConfigured)
            return InstallStart.Fail(ShopifyInstallError.NotConfigured, NotConfiguredReason);
        if (Verify(query, options) is { } failure)
            return InstallStart.Fail(failure.Error, failure.Reason);

        var shop = Normalize(query["shop"]);
        var state = RandomNumberGenerator.GetHexString(32, lowercase: true);
        var authorize = ShopifyEndpoints.Authorize(ShopifyEndpoints.ShopBase(shop, null, options));
        var url = new Uri(authorize.AbsoluteUri
            + $"?client_id={Uri.EscapeDataString(options.ClientId)}"
            + $"&scope={Uri.EscapeDataString(options.Scopes)}"
            + $"&redirect_uri={Uri.EscapeDataString(redirectUri.AbsoluteUri)}"
            + $"&state={state}");
        return new InstallStart { AuthorizeUrl = url, State = state, Shop = shop };
    }

    /// <summary>
    /// Handles Shopify's redirect back: state (constant time), hmac, shop and timestamp; then exchanges the code for an
    /// expiring offline token, checks the granted scopes, reads the shop, subscribes webhooks and saves store and credentials.
    /// </summary>
    public async Task<InstallResult> CompleteAsync(IReadOnlyDictionary<string, string> query, string? expectedState, Uri redirectUri, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        // Shopify checked redirect_uri against the app's allowed list at the authorize step; the token request takes none.
        ArgumentNullException.ThrowIfNull(redirectUri);
        var options = _options.Value;
        if (!options.IsConfigured)
            return InstallResult.Fail(ShopifyInstallError.NotConfigured, NotConfiguredReason);
        if (!StateMatches(query.GetValueOrDefault("state"), expectedState))
            return InstallResult.Fail(ShopifyInstallError.StateMismatch,
                "The install's state does not match the one this browser was given; start the install again from Shopify.");
        if (Verify(query, options) is { } failure)
            return InstallResult.Fail(failure.Error, failure.Reason);
        if (!query.TryGetValue("code", out var code) || string.IsNullOrWhiteSpace(code))
            return InstallResult.Fail(ShopifyInstallError.MissingCode, "Shopify's callback carries no authorization code.");

        var shop = Normalize(query["shop"]);
        var shopBase = ShopifyEndpoints.ShopBase(shop, null, options);
        ShopifyTokenResponse token;
        try
        {
            token = await _oauth.ExchangeCodeAsync(shopBase, code, ct);
        }
        catch (ShopifyApiException error) when (error.IsTransient || error.StatusCode is null)
        {
            return InstallResult.Fail(ShopifyInstallError.ShopUnreachable, $"Could not reach Shopify to finish the install of {shop}: {error.Message}");
        }
        catch (ShopifyApiException error)
        {
            return InstallResult.Fail(ShopifyInstallError.TokenExchangeFailed,
                $"Shopify refused the authorization code for {shop} ({error.StatusCode}); start the install again.");
        }

        return await _registration.ConnectGrantAsync(shop, shopBase, token, options.Scopes, ct);
    }

    internal const string NotConfiguredReason = "Shopify is not configured: set Shopify:ClientId and Shopify:ClientSecret.";

    private (ShopifyInstallError Error, string Reason)? Verify(IReadOnlyDictionary<string, string> query, ShopifyOptions options)
    {
        if (!ShopifyHmac.IsValidQuery(query, options.ClientSecret))
            return (ShopifyInstallError.InvalidSignature, "The request's hmac is missing or wrong: it did not come from Shopify.");
        if (!query.TryGetValue("shop", out var shop) || !ShopifyHmac.IsValidShopDomain(shop))
            return (ShopifyInstallError.InvalidShop, "The shop must be a name.myshopify.com domain.");
        if (!query.TryGetValue("timestamp", out var timestamp)
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds()
            || (_time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > options.InstallTimestampTolerance)
            return (ShopifyInstallError.StaleRequest, "The request's timestamp is missing or too old; open the app from Shopify again.");
        return null;
    }

    private static bool StateMatches(string? given, string? expected) =>
        !string.IsNullOrEmpty(given) && !string.IsNullOrEmpty(expected)
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));

    // Shop domains are case-insensitive; stores are keyed on the lower-case form Shopify itself sends in webhooks.
#pragma warning disable CA1308 // Normalizing to lower case on purpose: that is Shopify's canonical form of a domain.
    internal static string Normalize(string shop) => shop.ToLowerInvariant();
#pragma warning restore CA1308
}
