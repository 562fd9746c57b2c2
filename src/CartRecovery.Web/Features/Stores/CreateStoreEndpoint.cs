using CartRecovery.Connectors.Shopify.Auth;
using CartRecovery.Connectors.WooCommerce.Connect;
using CartRecovery.Core.Stores;
using CartRecovery.Web.Features.Admin;

namespace CartRecovery.Web.Features.Stores;

/// <summary>
/// <c>POST /api/stores</c>: agencies and custom apps connect a shop with credentials they already hold. The platform's
/// connector checks them against the API before anything is saved.
/// </summary>
internal static class CreateStoreEndpoint
{
    public sealed record CreateStoreRequest(
        string? Platform,
        string? ShopDomain,
        string? AccessToken,
        string? ApiBaseUrl,
        string? SiteUrl,
        string? ConsumerKey,
        string? ConsumerSecret,
        string? WebhookSecret);

    public static RouteGroupBuilder MapCreateStore(this RouteGroupBuilder api)
    {
        api.MapPost("/stores", CreateAsync);
        return api;
    }

    private static async Task<IResult> CreateAsync(CreateStoreRequest? request, ShopifyOnboarding shopify, WooCommerceConnectFlow woocommerce,
        CancellationToken ct)
    {
        if (request is null)
            return ApiResults.Invalid("body", "a JSON body is required");
        switch (request.Platform?.Trim().ToLowerInvariant())
        {
            case Platforms.Shopify:
                if (string.IsNullOrWhiteSpace(request.ShopDomain))
                    return ApiResults.Invalid("shopDomain", "shopDomain is required (name.myshopify.com)");
                if (string.IsNullOrWhiteSpace(request.AccessToken))
                    return ApiResults.Invalid("accessToken", "accessToken is required");
                var result = await shopify.ConnectWithTokenAsync(request.ShopDomain.Trim(), request.AccessToken.Trim(), request.ApiBaseUrl, ct,
                    request.WebhookSecret);
                return result.Succeeded
                    ? Results.Created($"/api/stores/{result.Store!.Id}", StoreDto.From(result.Store))
                    : Refused(result.Error, result.Reason);
            case Platforms.WooCommerce:
                if (!Uri.TryCreate(request.SiteUrl, UriKind.Absolute, out var site))
                    return ApiResults.Invalid("siteUrl", "siteUrl is required: the shop's address (https://shop.example.com)");
                if (string.IsNullOrWhiteSpace(request.ConsumerKey))
                    return ApiResults.Invalid("consumerKey", "consumerKey is required (ck_...)");
                if (string.IsNullOrWhiteSpace(request.ConsumerSecret))
                    return ApiResults.Invalid("consumerSecret", "consumerSecret is required (cs_...)");
                Uri? apiBase = null;
                if (request.ApiBaseUrl is { Length: > 0 } && !Uri.TryCreate(request.ApiBaseUrl, UriKind.Absolute, out apiBase))
                    return ApiResults.Invalid("apiBaseUrl", "apiBaseUrl must be an absolute URL");
                var connected = await woocommerce.ConnectWithKeysAsync(site, request.ConsumerKey.Trim(), request.ConsumerSecret.Trim(), apiBase, ct);
                return connected.Status switch
                {
                    ConnectStatus.Connected => Results.Created($"/api/stores/{connected.Store!.Id}", StoreDto.From(connected.Store)),
                    ConnectStatus.InvalidRequest => ApiResults.Invalid("siteUrl", connected.Error ?? "the request is not valid"),
                    ConnectStatus.SiteUnreachable => Results.Problem(statusCode: StatusCodes.Status502BadGateway, title: "Shop unreachable", detail: connected.Error),
                    _ => Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Credentials rejected", detail: connected.Error),
                };
            case null or "":
                return ApiResults.Invalid("platform", "platform is required: shopify or woocommerce");
            default:
                return ApiResults.Invalid("platform", "platform must be shopify or woocommerce");
        }
    }

    private static IResult Refused(ShopifyInstallError? error, string? reason) => error switch
    {
        ShopifyInstallError.InvalidShop => ApiResults.Invalid("shopDomain", reason ?? "shopDomain is not valid"),
        ShopifyInstallError.InvalidApiBaseUrl => ApiResults.Invalid("apiBaseUrl", reason ?? "apiBaseUrl is not valid"),
        ShopifyInstallError.TokenRejected => Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity,
            title: "Credentials rejected", detail: reason),
        ShopifyInstallError.ShopUnreachable => Results.Problem(statusCode: StatusCodes.Status502BadGateway,
            title: "Shop unreachable", detail: reason),
        _ => Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Store not connected", detail: reason),
    };
}
