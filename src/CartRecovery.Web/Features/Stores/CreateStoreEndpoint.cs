using CartRecovery.Web.Features.Admin;
using CartRecovery.Web.Features.Api;
using CartRecovery.Web.Features.Auth;

namespace CartRecovery.Web.Features.Stores;

/// <summary>
/// <c>POST /api/stores</c>: agencies and custom apps connect a shop with credentials they already hold. The platform's
/// connector checks them against the API before anything is saved (<see cref="StoreOnboarding"/>).
/// </summary>
internal static class CreateStoreEndpoint
{
    public static RouteGroupBuilder MapCreateStore(this RouteGroupBuilder api)
    {
        api.MapPost("/stores", CreateAsync).RequireAuthorization(CallerPolicies.Owner)
            .DescribeCreated<StoreDto>(ApiDescriptions.Stores, "Connect a shop with credentials the platform accepts", 400, 422, 502);
        return api;
    }

    private static async Task<IResult> CreateAsync(CreateStoreRequest? request, StoreOnboarding onboarding, CancellationToken ct)
    {
        if (request is null)
            return ApiResults.Invalid("body", "a JSON body is required");
        var result = await onboarding.ConnectAsync(request, ct);
        if (result.Store is { } store)
            return Results.Created($"/api/stores/{store.Id}", StoreDto.From(store));
        var problem = result.Problem!;
        return result.Failure switch
        {
            OnboardingFailure.Invalid => ApiResults.Invalid(problem.Field, problem.Problem),
            OnboardingFailure.Unreachable => Results.Problem(statusCode: StatusCodes.Status502BadGateway, title: "Shop unreachable", detail: problem.Problem),
            _ => Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Credentials rejected", detail: problem.Problem),
        };
    }
}
