using System.Collections.Concurrent;
using CartRecovery.Connectors.Shopify.Admin;
using CartRecovery.Connectors.Shopify.Checkouts;
using CartRecovery.Core.Stores;

namespace CartRecovery.Connectors.Shopify.CrossSell;

/// <summary>
/// The storefront access token the app reads a shop's Storefront API with, one per store, kept in memory. A token is
/// public by design (shops embed them in their pages), so it is not stored with the store's credentials. On the first
/// need the shop's tokens are listed (<c>shop.storefrontAccessTokens</c>) and ours, known by its title, is reused; only
/// when there is none does the app create one (<c>storefrontAccessTokenCreate</c>): an app may hold at most 100 per shop,
/// so a restart must not create another. Creating one needs an unauthenticated access scope (the token inherits the
/// app's; we ask for <c>unauthenticated_read_product_listings</c>); without it Shopify answers ACCESS_DENIED and this throws.
/// </summary>
internal sealed class ShopifyStorefrontTokens
{
    /// <summary>The title our token carries in the shop's list (shopify.dev: "an arbitrary title ... for reference").</summary>
    public const string Title = "CartRecovery related products";

    /// <summary>An app has at most 100 active storefront tokens per shop, so one page lists them all.</summary>
    private const int MaxTokensPerShop = 100;

    private const string ListQuery = """
        query CartRecoveryStorefrontTokens($first: Int!) {
          shop { storefrontAccessTokens(first: $first) { nodes { accessToken title } } }
        }
        """;

    private const string CreateMutation = """
        mutation CartRecoveryStorefrontTokenCreate($input: StorefrontAccessTokenInput!) {
          storefrontAccessTokenCreate(input: $input) {
            storefrontAccessToken { accessToken title }
            userErrors { field message }
          }
        }
        """;

    private readonly ShopifyStoreApi _api;
    private readonly ConcurrentDictionary<long, string> _tokens = new();
    private readonly ConcurrentDictionary<long, SemaphoreSlim> _gates = new();

    public ShopifyStorefrontTokens(ShopifyStoreApi api)
    {
        ArgumentNullException.ThrowIfNull(api);
        _api = api;
    }

    /// <exception cref="ShopifyApiException">Shopify refused (no unauthenticated scope granted, user errors) or failed.</exception>
    public async Task<string> GetAsync(Store store, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (_tokens.TryGetValue(store.Id, out var known))
            return known;
        // Concurrent sends for one store wait for one lookup instead of each creating a token.
        var gate = _gates.GetOrAdd(store.Id, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            if (_tokens.TryGetValue(store.Id, out known))
                return known;
            var token = await FindOursAsync(store, ct) ?? await CreateAsync(store, ct);
            _tokens[store.Id] = token;
            return token;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Drops the store's token after the Storefront API refused it (deleted, or the app was reinstalled).</summary>
    public void Forget(Store store, string token)
    {
        ArgumentNullException.ThrowIfNull(store);
        _tokens.TryRemove(new KeyValuePair<long, string>(store.Id, token));
    }

    private async Task<string?> FindOursAsync(Store store, CancellationToken ct)
    {
        var data = await _api.QueryAsync(store, ListQuery, new { first = MaxTokensPerShop }, ct);
        return ShopifyJson.Nodes(ShopifyJson.Path(data, "shop", "storefrontAccessTokens"))
            .Where(node => ShopifyJson.Text(node, "title") == Title)
            .Select(node => ShopifyJson.Text(node, "accessToken"))
            .FirstOrDefault(token => token is not null);
    }

    private async Task<string> CreateAsync(Store store, CancellationToken ct)
    {
        var data = await _api.MutateAsync(store, CreateMutation, new { input = new { title = Title } }, ct);
        var errors = ShopifyUserError.Read(data, "storefrontAccessTokenCreate");
        if (errors.Count > 0)
            throw new ShopifyApiException($"Shopify refused the storefront access token: {ShopifyUserError.Describe(errors)}", 200, isTransient: false);
        return ShopifyJson.Text(ShopifyJson.Path(data, "storefrontAccessTokenCreate", "storefrontAccessToken"), "accessToken")
            ?? throw new ShopifyApiException("Shopify created no storefront access token.", 200, isTransient: false);
    }
}
