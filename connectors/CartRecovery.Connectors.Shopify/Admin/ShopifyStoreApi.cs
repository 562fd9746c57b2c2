using System.Text.Json;
using CartRecovery.Connectors.Shopify.Auth;
using CartRecovery.Core.Stores;
using Microsoft.Extensions.Options;

namespace CartRecovery.Connectors.Shopify.Admin;

/// <summary>The Admin API of one connected store: its address (with overrides) and a fresh token, resolved per call; and its Storefront API.</summary>
internal sealed class ShopifyStoreApi
{
    private readonly ShopifyAdminClient _client;
    private readonly ShopifyTokenProvider _tokens;
    private readonly IOptions<ShopifyOptions> _options;

    public ShopifyStoreApi(ShopifyAdminClient client, ShopifyTokenProvider tokens, IOptions<ShopifyOptions> options)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(options);
        _client = client;
        _tokens = tokens;
        _options = options;
    }

    public async Task<JsonElement> QueryAsync(Store store, string query, object? variables, CancellationToken ct) =>
        await _client.QueryAsync(await ConnectAsync(store, ct), query, variables, ct);

    public async Task<JsonElement> MutateAsync(Store store, string mutation, object? variables, CancellationToken ct) =>
        await _client.MutateAsync(await ConnectAsync(store, ct), mutation, variables, ct);

    /// <summary>A read-only Storefront API query with a storefront access token (no Admin token is needed for it).</summary>
    public Task<JsonElement> StorefrontQueryAsync(Store store, string storefrontToken, string query, object? variables, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        return _client.StorefrontQueryAsync(ShopifyEndpoints.ShopBase(store.ExternalId, store.ApiBaseUrl, _options.Value), storefrontToken, query, variables, ct);
    }

    /// <summary>The store's address and a fresh token, for clients that take a connection (the webhook registrar).</summary>
    public async Task<ShopifyConnection> ConnectAsync(Store store, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        var shopBase = ShopifyEndpoints.ShopBase(store.ExternalId, store.ApiBaseUrl, _options.Value);
        return new ShopifyConnection(shopBase, await _tokens.GetAccessTokenAsync(store, ct));
    }
}
