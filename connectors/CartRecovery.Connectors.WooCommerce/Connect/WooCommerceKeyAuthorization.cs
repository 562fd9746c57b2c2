using System.Text.Json;
using CartRecovery.Core.Stores;

namespace CartRecovery.Connectors.WooCommerce.Connect;

/// <summary>
/// WooCommerce's key-authorization flow as the connect pages use it: <see cref="WooCommerceConnectOwner"/> owns who
/// connects (the sign-in door), this owns the protocol (the shop's address, the approval URL, the keys' callback).
/// Registered by <see cref="WooCommerceServiceCollectionExtensions.AddWooCommerceConnector"/>.
/// </summary>
internal sealed class WooCommerceKeyAuthorization
{
    private readonly WooCommerceConnectFlow _flow;

    internal WooCommerceKeyAuthorization(WooCommerceConnectFlow flow) => _flow = flow;

    /// <summary>The shop's address normalized (https, no query), or why it is not one (<paramref name="error"/>).</summary>
    public static bool TryNormalizeSite(string? site, out Uri? siteUrl, out string? error) => WooCommerceSiteUrl.TryNormalize(site, out siteUrl, out error);

    /// <summary>The store's external id for a shop address (what <see cref="IStoreRepository.FindAsync"/> looks up).</summary>
    public static string ExternalId(Uri site) => WooCommerceSiteUrl.ExternalId(site);

    /// <summary>An unguessable one-time connection id (wc-auth's <c>user_id</c>), which the host remembers until the callback.</summary>
    public static string NewConnectionId() => WooCommerceConnectFlow.NewConnectionId();

    /// <summary>The shop's approval page to send the merchant's browser to.</summary>
    public Uri Start(Uri site, Uri returnUrl, Uri callbackUrl, string connectionId) => _flow.Start(site, returnUrl, callbackUrl, connectionId);

    /// <summary>Checks the keys WooCommerce posted to the callback and saves the store; a refusal's problem says why.</summary>
    public async Task<StoreConnectionResult> CompleteAsync(JsonElement callbackBody, string connectionId, Uri site, CancellationToken ct)
    {
        var result = await _flow.CompleteAsync(callbackBody, connectionId, site, ct);
        return result.Succeeded
            ? StoreConnectionResult.Connected(result.Store!)
            : StoreConnectionResult.Failed(StoreConnectionFailure.Rejected, "keys", result.Error);
    }
}
