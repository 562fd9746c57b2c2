using CartRecovery.Core.FeedHealth;
using CartRecovery.Core.Stores;
using CartRecovery.Jobs.FeedHealth;
using CartRecovery.Web.Features.Admin;
using CartRecovery.Web.Features.Api;
using CartRecovery.Web.Features.Auth;

namespace CartRecovery.Web.Features.Stores;

/// <summary>
/// <c>GET /api/stores/{id}/health</c>: the store's feeds (webhooks, polling, capture script) judged now, from what is
/// recorded (no platform is called). Any caller who may see the store reads it.
/// </summary>
internal static class StoreHealthEndpoint
{
    public static IEndpointRouteBuilder MapStoreHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/stores/{id:long}/health", HealthAsync)
            .RequireAuthorization(CallerPolicies.Viewer)
            .Describe<StoreHealthDto>(ApiDescriptions.Stores,
                "The store's feeds (time since each one's last event, its usual rate at this hour, stale or broken) and its send lateness over the last day", 401, 404);
        return app;
    }

    private static async Task<IResult> HealthAsync(long id, HttpContext http, IStoreRepository stores, StoreFeeds feeds, ISendLatencyQuery latency,
        TimeProvider time, CancellationToken ct)
    {
        // A store the caller may not see is answered exactly like one that does not exist.
        var store = await stores.GetAsync(id, ct);
        if (store is null || !http.Scope().CanSee(store))
            return ApiResults.StoreNotFound(id);
        var now = time.GetUtcNow();
        var reports = await feeds.CheckAsync(store, null, ct);
        var sends = await latency.GetAsync(store.Id, now - SendLatency.Window, now, ct);
        return Results.Ok(StoreHealthDto.From(store.Id, now, reports, sends));
    }
}
