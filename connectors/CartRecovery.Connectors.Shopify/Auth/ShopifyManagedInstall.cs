using System.Collections.Concurrent;
using CartRecovery.Connectors.Shopify.Admin;
using CartRecovery.Core.Stores;
using Microsoft.Extensions.Options;

namespace CartRecovery.Connectors.Shopify.Auth;

/// <summary>
/// Shopify-managed installation for the embedded app
/// (https://shopify.dev/docs/apps/build/authentication-authorization/app-installation): Shopify installs the app with
/// the scopes of its configuration and opens it in the admin; the first verified session token we see for a shop we
/// don't have (or no longer have a usable token for) is exchanged for an expiring offline token, and the shop is
/// connected the way every install connects it (shop read, webhooks subscribed, store and credentials saved). No redirect.
/// </summary>
internal sealed class ShopifyManagedInstall
{
    private readonly IOptions<ShopifyOptions> _options;
    private readonly ShopifyOAuthClient _oauth;
    private readonly ShopifyStoreRegistration _registration;
    private readonly IStoreRepository _stores;
    private readonly IStoreCredentialRepository _credentials;
    private readonly TimeProvider _time;
    // Each exchange revokes the shop's previous expiring token: two first requests racing must not both exchange and
    // then save their tokens in the wrong order.
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);

    public ShopifyManagedInstall(IOptions<ShopifyOptions> options, ShopifyOAuthClient oauth, ShopifyStoreRegistration registration,
        IStoreRepository stores, IStoreCredentialRepository credentials, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(oauth);
        ArgumentNullException.ThrowIfNull(registration);
        ArgumentNullException.ThrowIfNull(stores);
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(time);
        _options = options;
        _oauth = oauth;
        _registration = registration;
        _stores = stores;
        _credentials = credentials;
        _time = time;
    }

    /// <summary>
    /// The shop of <paramref name="token"/> as a connected store: the stored one when it is active with a usable token,
    /// otherwise installed now through token exchange. A failure creates nothing and says why.
    /// </summary>
    public async Task<InstallResult> EnsureInstalledAsync(ShopifySessionToken token, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (await UsableStoreAsync(token.Shop, ct) is { } known)
            return InstallResult.Ok(known);

        var gate = _gates.GetOrAdd(token.Shop, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            // Another request may have installed the shop while this one waited.
            if (await UsableStoreAsync(token.Shop, ct) is { } installed)
                return InstallResult.Ok(installed);
            return await InstallAsync(token, ct);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<InstallResult> InstallAsync(ShopifySessionToken token, CancellationToken ct)
    {
        var options = _options.Value;
        if (!options.IsConfigured)
            return InstallResult.Fail(ShopifyInstallError.NotConfigured, ShopifyInstallFlow.NotConfiguredReason);
        var shopBase = ShopifyEndpoints.ShopBase(token.Shop, null, options);
        ShopifyTokenResponse grant;
        try
        {
            grant = await _oauth.ExchangeSessionTokenAsync(shopBase, token.Raw, ct);
        }
        catch (ShopifyApiException error) when (error.IsTransient || error.StatusCode is null)
        {
            return InstallResult.Fail(ShopifyInstallError.ShopUnreachable, $"Could not reach Shopify to install {token.Shop}: {error.Message}");
        }
        catch (ShopifyApiException error)
        {
            return InstallResult.Fail(ShopifyInstallError.TokenExchangeFailed,
                $"Shopify refused to exchange the session token of {token.Shop} ({error.StatusCode}); open the app from the admin again.");
        }

        return await _registration.ConnectGrantAsync(token.Shop, shopBase, grant, options.Scopes, ct);
    }

    /// <summary>
    /// The stored store when we can still call Shopify for it: active (not uninstalled), with credentials whose refresh
    /// token (if any) has not lapsed. A token Shopify revoked without telling us is found on the next API call instead.
    /// </summary>
    private async Task<Store?> UsableStoreAsync(string shop, CancellationToken ct)
    {
        var store = await _stores.FindAsync(Platforms.Shopify, shop, ct);
        if (store is not { Status: StoreStatus.Active })
            return null;
        var credentials = await _credentials.GetAsync(store.Id, ct);
        if (credentials is null)
            return null;
        var now = _time.GetUtcNow();
        var refreshLapsed = credentials.RefreshToken is { Length: > 0 } && credentials.RefreshTokenExpiresAt is { } refreshEnd && refreshEnd <= now;
        var accessLapsed = credentials.RefreshToken is not { Length: > 0 } && credentials.AccessTokenExpiresAt is { } accessEnd && accessEnd <= now;
        return refreshLapsed || accessLapsed ? null : store;
    }
}
