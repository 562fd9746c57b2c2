using CartRecovery.Connectors.Shopify.Auth;
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
        string? ConsumerSecret);

    public static RouteGroupBuilder MapCreateStore(this RouteGroupBuilder api)
    {
        api.MapPost("/stores", CreateAsync);
        return api;
    }

    private static async Task<IResult> CreateAsync(CreateStoreRequest? request, ShopifyOnboarding shopify, CancellationToken ct)
    {
        if (request is null)
            return Invalid("body", "a JSON body is required");
        switch (request.Platform?.Trim().ToLowerInvariant())
        {
            case Platforms.Shopify:
                if (string.IsNullOrWhiteSpace(request.ShopDomain))
                    return Invalid("shopDomain", "shopDomain is required (name.myshopify.com)");
                if (string.IsNullOrWhiteSpace(request.AccessToken))
                    return Invalid("accessToken", "accessToken is required");
                var result = await shopify.ConnectWithTokenAsync(request.ShopDomain.Trim(), request.AccessToken.Trim(), request.ApiBaseUrl, ct);
                return result.Succeeded
                    ? Results.Created($"/api/stores/{result.Store!.Id}", StoreDto.From(result.Store))
                    : Refused(result.Error, result.Reason);
            case null or "":
                return Invalid("platform", "platform is required: shopify or woocommerce");
            default:
                return Invalid("platform", "platform must be shopify or woocommerce");
        }
    }

    private static IResult Refused(ShopifyInstallError? error, string? reason) => error switch
    {
        ShopifyInstallError.InvalidShop => Invalid("shopDomain", reason ?? "shopDomain is not valid"),
        ShopifyInstallError.InvalidApiBaseUrl => Invalid("apiBaseUrl", reason ?? "apiBaseUrl is not valid"),
        ShopifyInstallError.TokenRejected => Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity,
            title: "Credentials rejected", detail: reason),
        ShopifyInstallError.ShopUnreachable => Results.Problem(statusCode: StatusCodes.Status502BadGateway,
            title: "Shop unreachable", detail: reason),
        _ => Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Store not connected", detail: reason),
    };

    private static IResult Invalid(string field, string rule) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [rule] }, detail: rule);
}
