using System.Collections.Concurrent;
using CartRecovery.Connectors.Shopify.Admin;
using CartRecovery.Core.Stores;
using Microsoft.Extensions.Options;

namespace CartRecovery.Connectors.Shopify.Auth;

/// <summary>
/// Hands out a usable access token per store, refreshing expiring offline tokens shortly before they lapse. A refresh
/// rotates the refresh token, so the pair is saved in one write, and callers for the same store wait for one refresh
/// instead of each spending the refresh token.
/// </summary>
internal sealed class ShopifyTokenProvider
{
    private readonly IStoreCredentialRepository _credentials;
    private readonly ShopifyOAuthClient _oauth;
    private readonly IOptions<ShopifyOptions> _options;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<long, SemaphoreSlim> _refreshLocks = new();

    public ShopifyTokenProvider(IStoreCredentialRepository credentials, ShopifyOAuthClient oauth, IOptions<ShopifyOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(oauth);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _credentials = credentials;
        _oauth = oauth;
        _options = options;
        _time = time;
    }

    /// <summary>The store's access token, refreshed first when it expires within <see cref="ShopifyOptions.RefreshAheadOf"/>.</summary>
    /// <exception cref="ShopifyApiException">The store has no credentials (never connected, or uninstalled), or the refresh failed.</exception>
    public async Task<string> GetAccessTokenAsync(Store store, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        var current = await LoadAsync(store, ct);
        if (!NeedsRefresh(current))
            return current.AccessToken;

        var gate = _refreshLocks.GetOrAdd(store.Id, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            // Another caller may have refreshed while we waited: read again before spending the refresh token.
            current = await LoadAsync(store, ct);
            if (!NeedsRefresh(current))
                return current.AccessToken;

            var shopBase = ShopifyEndpoints.ShopBase(store.ExternalId, store.ApiBaseUrl, _options.Value);
            var response = await _oauth.RefreshAsync(shopBase, current.RefreshToken!, ct);
            var now = _time.GetUtcNow();
            var refreshed = current with
            {
                AccessToken = response.AccessToken,
                AccessTokenExpiresAt = response.ExpiresIn is { } lifetime ? now + lifetime : null,
                RefreshToken = response.RefreshToken ?? current.RefreshToken,
                RefreshTokenExpiresAt = response.RefreshTokenExpiresIn is { } refreshLifetime ? now + refreshLifetime : current.RefreshTokenExpiresAt,
                Scopes = response.Scope ?? current.Scopes,
                UpdatedAt = now,
            };
            // One write for both tokens: Shopify keeps the previous refresh token usable until the new one is first
            // used, so if this save fails the next attempt can still refresh with what we have stored.
            await _credentials.SaveAsync(refreshed, ct);
            return refreshed.AccessToken;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<StoreCredentials> LoadAsync(Store store, CancellationToken ct) =>
        await _credentials.GetAsync(store.Id, ct)
        ?? throw new ShopifyApiException($"Store {store.Id} has no Shopify credentials (not connected, or uninstalled).", 401, isTransient: false);

    // A token without a refresh token (custom apps, legacy non-expiring tokens) is used as it is.
    private bool NeedsRefresh(StoreCredentials credentials) =>
        credentials.RefreshToken is { Length: > 0 } && credentials.ExpiresWithin(_options.Value.RefreshAheadOf, _time.GetUtcNow());
}
