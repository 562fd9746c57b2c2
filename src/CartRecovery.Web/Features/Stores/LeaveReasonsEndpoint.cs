using CartRecovery.Core.Reasons;
using CartRecovery.Web.Features.Admin;
using CartRecovery.Web.Features.Api;
using CartRecovery.Web.Features.Auth;

namespace CartRecovery.Web.Features.Stores;

/// <summary>
/// <c>GET /api/stores/{id}/reasons?days=30</c>: why the store's customers said they left (the first email's reason
/// links), as carts per reason over the last <c>days</c> days (1 to 366, 30 unless given). Every reason is listed, in
/// the email's order, with its link word (<c>shipping</c>, <c>price</c>, …) and 0 when nobody gave it.
/// </summary>
internal static class LeaveReasonsEndpoint
{
    public const int DefaultDays = 30;
    public const int MaxDays = 366;

    public sealed record ReasonCountDto(string Reason, long Carts);

    public sealed record LeaveReasonsDto(long StoreId, DateTimeOffset From, DateTimeOffset Until, long Total, IReadOnlyList<ReasonCountDto> Reasons);

    public static RouteGroupBuilder MapLeaveReasons(this RouteGroupBuilder api)
    {
        api.MapGet("/stores/{id:long}/reasons", async (long id, int? days, StoreAccess stores, ILeaveReasonRepository reasons, TimeProvider time,
            CancellationToken ct) =>
        {
            if (days is < 1 or > MaxDays)
                return ApiResults.Invalid("days", $"days must be between 1 and {MaxDays}");
            if (await stores.GetAsync(id, ct) is null)
                return ApiResults.StoreNotFound(id);
            var until = time.GetUtcNow();
            var from = until.AddDays(-(days ?? DefaultDays));
            var counts = (await reasons.CountAsync(id, from, until, ct)).ToDictionary(c => c.Reason, c => c.Carts);
            var rows = LeaveReasonSlugs.All.Select(r => new ReasonCountDto(LeaveReasonSlugs.Slug(r), counts.GetValueOrDefault(r))).ToList();
            return Results.Ok(new LeaveReasonsDto(id, from, until, rows.Sum(r => r.Carts), rows));
        }).Describe<LeaveReasonsDto>(ApiDescriptions.Metrics, "Why the store's customers left their carts: carts per reason over the last days", 400, 404);
        return api;
    }
}
