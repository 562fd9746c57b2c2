using CartRecovery.Core.Stores;

namespace CartRecovery.Connectors.Shopify.Auth;

/// <summary>
/// Shopify's <see cref="IStoreConnector"/>: a shop connected with a custom app's Admin API token
/// (<c>shopDomain</c>, <c>accessToken</c>, optional <c>apiBaseUrl</c> and <c>webhookSecret</c>), through <see cref="ShopifyOnboarding"/>.
/// </summary>
internal sealed class ShopifyStoreConnector(ShopifyOnboarding onboarding) : IStoreConnector
{
    public string Platform => Platforms.Shopify;

    public string ShopField => "shopDomain";

    public IReadOnlyList<FieldProblem> Validate(StoreConnectionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new List<FieldProblem>();
        var shop = request["shopDomain"];
        if (string.IsNullOrWhiteSpace(shop))
            problems.Add(new("shopDomain", "shopDomain is required (name.myshopify.com)"));
        else if (!ShopifyHmac.IsValidShopDomain(shop.Trim()))
            problems.Add(new("shopDomain", "shopDomain must be the shop's permanent name.myshopify.com domain"));
        if (string.IsNullOrWhiteSpace(request["accessToken"]))
            problems.Add(new("accessToken", "accessToken is required"));
        if (!request.IsHttpUrlOrAbsent("apiBaseUrl"))
            problems.Add(new("apiBaseUrl", "apiBaseUrl must be an absolute http(s) URL"));
        return problems;
    }

    public string? ExternalId(StoreConnectionRequest request) =>
        request?["shopDomain"] is { } shop && !string.IsNullOrWhiteSpace(shop) ? shop.Trim() : null;

    public async Task<StoreConnectionResult> ConnectAsync(StoreConnectionRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = await onboarding.ConnectWithTokenAsync(request["shopDomain"]!.Trim(), request["accessToken"]!.Trim(), request["apiBaseUrl"], ct,
            request["webhookSecret"]);
        return result.Succeeded ? StoreConnectionResult.Connected(result.Store!) : result.Error switch
        {
            ShopifyInstallError.InvalidShop => StoreConnectionResult.Failed(StoreConnectionFailure.Invalid, "shopDomain", result.Reason),
            ShopifyInstallError.InvalidApiBaseUrl => StoreConnectionResult.Failed(StoreConnectionFailure.Invalid, "apiBaseUrl", result.Reason),
            ShopifyInstallError.ShopUnreachable => StoreConnectionResult.Failed(StoreConnectionFailure.Unreachable, "shopDomain", result.Reason),
            _ => StoreConnectionResult.Failed(StoreConnectionFailure.Rejected, "accessToken", result.Reason),
        };
    }
}
