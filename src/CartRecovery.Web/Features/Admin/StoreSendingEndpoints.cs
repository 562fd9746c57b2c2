using CartRecovery.Core.Stores;
using CartRecovery.Core.Suppression;
using CartRecovery.Web.Features.Api;
using CartRecovery.Web.Features.Auth;

namespace CartRecovery.Web.Features.Admin;

/// <summary>
/// A store's sending controls: its suppression list (<c>/api/stores/{id}/suppressions</c>), which every send checks,
/// and resuming sending once the credentials the email provider rejected are fixed.
/// </summary>
internal static class StoreSendingEndpoints
{
    public sealed record SuppressionRequest(string? Email, string? Reason);

    public sealed record SuppressionResponse(string Email, string Reason, int CancelledMessages);

    public static RouteGroupBuilder MapStoreSending(this RouteGroupBuilder api)
    {
        api.MapGet("/stores/{id:long}/suppressions", async (long id, StoreAccess stores, ISuppressionList suppressions, CancellationToken ct) =>
            await stores.GetAsync(id, ct) is null ? ApiResults.StoreNotFound(id) : Results.Ok(await suppressions.ListAsync(id, ct)))
            .Describe<IReadOnlyList<SuppressedAddress>>(ApiDescriptions.Sending, "List the addresses the store never emails", 404);

        api.MapPost("/stores/{id:long}/suppressions", async (long id, SuppressionRequest? request, StoreAccess stores, StoreSending sending,
            CancellationToken ct) =>
        {
            if (await stores.GetAsync(id, ct) is not { } store)
                return ApiResults.StoreNotFound(id);
            if (!ApiResults.IsEmail(request?.Email))
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["email"] = ["email must be a valid address"] });
            return Results.Ok(await sending.SuppressAsync(store, request!.Email!, request.Reason, ct));
        }).RequireAuthorization(CallerPolicies.Member)
            .Describe<SuppressionResponse>(ApiDescriptions.Sending, "Suppress an address and cancel its pending messages", 400, 404);

        api.MapDelete("/stores/{id:long}/suppressions/{email}", async (long id, string email, StoreAccess stores, StoreSending sending,
            CancellationToken ct) =>
        {
            if (await stores.GetAsync(id, ct) is not { } store)
                return ApiResults.StoreNotFound(id);
            return await sending.LiftAsync(store, email, ct)
                ? Results.NoContent()
                : Results.Problem(statusCode: 404, title: "Not suppressed", detail: "That address is not on the store's suppression list.");
        }).RequireAuthorization(CallerPolicies.Member)
            .DescribeNoContent(ApiDescriptions.Sending, "Remove an address from the suppression list", 404);

        api.MapPost("/stores/{id:long}/resume-sending", async (long id, StoreAccess stores, StoreSending sending, CancellationToken ct) =>
        {
            if (await stores.GetAsync(id, ct) is not { } store)
                return ApiResults.StoreNotFound(id);
            return Results.Ok(StoreDto.From(await sending.ResumeAsync(store, ct)));
        }).RequireAuthorization(CallerPolicies.Member)
            .Describe<StoreDto>(ApiDescriptions.Sending, "Resume sending after the provider's rejected credentials were fixed", 404);
        return api;
    }
}
