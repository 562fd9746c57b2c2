using CartRecovery.Core.Metrics;
using CartRecovery.Core.Stores;
using CartRecovery.Web.Features.Admin;
using CartRecovery.Web.Features.Api;
using CartRecovery.Web.Features.Auth;

namespace CartRecovery.Web.Features.Stores;

/// <summary>
/// <c>GET /api/stores/{id}/summary</c>: a store's headline recovery figures. Any caller who may see the store reads it:
/// a session, an API key, or a connector's embedded session token sent as a Bearer header.
/// </summary>
internal static class StoreSummaryEndpoint
{
    public static IEndpointRouteBuilder MapStoreSummary(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/stores/{id:long}/summary", SummaryAsync)
            .RequireAuthorization(CallerPolicies.Viewer)
            .Describe<RecoverySummaryDto>(ApiDescriptions.Metrics, "The store's recovery summary: carts abandoned, emails sent, orders and revenue recovered", 401, 404);
        return app;
    }

    private static async Task<IResult> SummaryAsync(long id, HttpContext http, IStoreRepository stores, IMetricsQuery metrics, CancellationToken ct)
    {
        // A store the caller may not see is answered exactly like one that does not exist.
        var store = await stores.GetAsync(id, ct);
        if (store is null || !http.Scope().CanSee(store))
            return ApiResults.StoreNotFound(id);
        return Results.Ok(RecoverySummaryDto.From(store.Id, await metrics.GetAsync([store.Id], ct)));
    }
}
