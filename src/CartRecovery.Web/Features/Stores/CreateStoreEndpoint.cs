using CartRecovery.Core.Accounts;
using CartRecovery.Core.Stores;
using CartRecovery.Web.Features.Accounts;
using CartRecovery.Web.Features.Admin;
using CartRecovery.Web.Features.Api;
using CartRecovery.Web.Features.Audit;
using CartRecovery.Web.Features.Auth;

namespace CartRecovery.Web.Features.Stores;

/// <summary>
/// <c>POST /api/stores</c>: agencies and custom apps connect a shop with credentials they already hold. The platform's
/// connector checks them against the API before anything is saved (<see cref="StoreOnboarding"/>). An account's owner
/// connects the shop into that account; the operator names one with <c>?accountId=</c>, or the shop gets an account of
/// its own. A shop already connected to another account is refused: connecting never moves a shop between accounts.
/// </summary>
internal static class CreateStoreEndpoint
{
    public static RouteGroupBuilder MapCreateStore(this RouteGroupBuilder api)
    {
        api.MapPost("/stores", CreateAsync).RequireAuthorization(CallerPolicies.Owner)
            .DescribeCreated<StoreDto>(ApiDescriptions.Stores, "Connect a shop with credentials the platform accepts", 400, 404, 409, 422, 502);
        return api;
    }

    private static async Task<IResult> CreateAsync(long? accountId, CreateStoreRequest? request, HttpContext http, StoreOnboarding onboarding,
        IStoreRepository repository, IAccountRepository accounts, AuditTrail audit, CancellationToken ct)
    {
        var scope = http.Scope();
        long? target = null;
        if (!scope.IsOperator || accountId is not null)
        {
            var (account, problem) = await AccountTarget.ResolveAsync(scope, accountId, accounts, ct);
            if (problem is not null)
                return problem;
            target = account;
        }
        if (request is null)
            return ApiResults.Invalid("body", "a JSON body is required");
        if (onboarding.Identity(request) is { } identity && await repository.FindAsync(identity.Platform, identity.ExternalId, ct) is { } existing
            && target is not null && existing.AccountId != target)
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Shop connected elsewhere",
                detail: "This shop is connected to another account; its owner (or the operator) can move it.");

        var result = await onboarding.ConnectAsync(request, ct);
        if (result.Store is { } connected)
        {
            var store = connected;
            if (target is { } account && store.AccountId != account)
            {
                await accounts.AssignStoreAsync(store.Id, account, ct);
                store = store with { AccountId = account };
            }
            await audit.RecordAsync(store, "store.connect", null, StoreDto.From(store), ct);
            return Results.Created($"/api/stores/{store.Id}", StoreDto.From(store));
        }
        var problemField = result.Problem!;
        return result.Failure switch
        {
            StoreConnectionFailure.Invalid => ApiResults.Invalid(problemField.Field, problemField.Problem),
            StoreConnectionFailure.Unreachable => Results.Problem(statusCode: StatusCodes.Status502BadGateway, title: "Shop unreachable", detail: problemField.Problem),
            _ => Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Credentials rejected", detail: problemField.Problem),
        };
    }
}
