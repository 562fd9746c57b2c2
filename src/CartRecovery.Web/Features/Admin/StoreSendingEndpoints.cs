using CartRecovery.Core.Messages;
using CartRecovery.Core.Stores;
using CartRecovery.Core.Suppression;
using CartRecovery.Web.Features.Api;
using CartRecovery.Web.Features.Audit;
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

        api.MapPost("/stores/{id:long}/suppressions", async (long id, SuppressionRequest? request, StoreAccess stores,
            ISuppressionList suppressions, IMessageStore messages, AuditTrail audit, TimeProvider time, CancellationToken ct) =>
        {
            if (await stores.GetAsync(id, ct) is not { } store)
                return ApiResults.StoreNotFound(id);
            if (!ApiResults.IsEmail(request?.Email))
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["email"] = ["email must be a valid address"] });
            var reason = string.IsNullOrWhiteSpace(request!.Reason) ? "added by the merchant" : request.Reason.Trim();
            await suppressions.SuppressAsync(id, request.Email!, reason, time.GetUtcNow(), ct);
            var cancelled = await messages.CancelPendingForRecipientAsync(id, request.Email!, reason, ct);
            // The customer's address never goes into the audit in clear: its fingerprint tells entries about it apart.
            var fingerprint = AuditTrail.Fingerprint(request.Email!);
            await audit.RecordAsync(store, "suppression.add", null, new { email = fingerprint, reason, cancelledMessages = cancelled }, ct,
                $"suppression:{fingerprint}");
            return Results.Ok(new SuppressionResponse(request.Email!.Trim(), reason, cancelled));
        }).RequireAuthorization(CallerPolicies.Member)
            .Describe<SuppressionResponse>(ApiDescriptions.Sending, "Suppress an address and cancel its pending messages", 400, 404);

        api.MapDelete("/stores/{id:long}/suppressions/{email}", async (long id, string email, StoreAccess stores,
            ISuppressionList suppressions, AuditTrail audit, CancellationToken ct) =>
        {
            if (await stores.GetAsync(id, ct) is not { } store)
                return ApiResults.StoreNotFound(id);
            if (!await suppressions.RemoveAsync(id, email, ct))
                return Results.Problem(statusCode: 404, title: "Not suppressed", detail: "That address is not on the store's suppression list.");
            var fingerprint = AuditTrail.Fingerprint(email);
            await audit.RecordAsync(store, "suppression.remove", new { email = fingerprint }, null, ct, $"suppression:{fingerprint}");
            return Results.NoContent();
        }).RequireAuthorization(CallerPolicies.Member)
            .DescribeNoContent(ApiDescriptions.Sending, "Remove an address from the suppression list", 404);

        api.MapPost("/stores/{id:long}/resume-sending", async (long id, StoreAccess stores, IStoreRepository repository, AuditTrail audit,
            CancellationToken ct) =>
        {
            if (await stores.GetAsync(id, ct) is not { } store)
                return ApiResults.StoreNotFound(id);
            if (store.SendingPausedReason is null)
                return Results.Ok(StoreDto.From(store));
            var resumed = await repository.UpsertAsync(store with { SendingPausedReason = null }, ct);
            await audit.RecordAsync(resumed, "store.resume-sending", new { sendingPausedReason = store.SendingPausedReason },
                new { sendingPausedReason = (string?)null }, ct);
            return Results.Ok(StoreDto.From(resumed));
        }).RequireAuthorization(CallerPolicies.Member)
            .Describe<StoreDto>(ApiDescriptions.Sending, "Resume sending after the provider's rejected credentials were fixed", 404);
        return api;
    }
}
