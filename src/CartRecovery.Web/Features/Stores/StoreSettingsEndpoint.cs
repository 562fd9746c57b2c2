using CartRecovery.Core.Outbound;
using CartRecovery.Core.Stores;
using CartRecovery.Web.Features.Admin;
using CartRecovery.Web.Features.Api;
using CartRecovery.Web.Features.Audit;
using CartRecovery.Web.Features.Auth;

namespace CartRecovery.Web.Features.Stores;

/// <summary>
/// <c>PATCH /api/stores/{id}</c>: the merchant's settings — sender, reply-to, branding (logo, button colour, postal
/// address), provider stream, locale, time zone, abandonment cut-off, sequence. Omitted fields stay as they are; an
/// empty string clears an optional one. Every field is validated before anything is saved.
/// </summary>
internal static class StoreSettingsEndpoint
{
    public sealed record StoreSettingsRequest(
        string? SenderEmail, string? SenderName, string? ReplyTo, string? LogoUrl, string? BrandColor, string? PostalAddress,
        string? MessageStream, string? Locale, string? TimeZone, int? AbandonAfterMinutes, string? Sequence);

    public static RouteGroupBuilder MapStoreSettings(this RouteGroupBuilder api)
    {
        api.MapPatch("/stores/{id:long}", UpdateAsync)
            .RequireAuthorization(CallerPolicies.Member)
            .Describe<StoreDto>(ApiDescriptions.Stores, "Change the store's settings (omitted fields stay, an empty string clears)", 400, 404);
        return api;
    }

    private static async Task<IResult> UpdateAsync(long id, StoreSettingsRequest? request, StoreAccess stores, IStoreRepository repository,
        OutboundOptions outbound, AuditTrail audit, CancellationToken ct)
    {
        if (await stores.GetAsync(id, ct) is not { } store)
            return ApiResults.StoreNotFound(id);
        if (request is null)
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["a JSON body is required"] });

        var errors = StoreSettingsRules.Validate(request, outbound);
        if (errors.Count > 0)
            return Results.ValidationProblem(errors);

        var updated = await repository.UpsertAsync(StoreSettingsRules.Apply(store, request), ct);
        await audit.RecordAsync(updated, "store.settings", StoreDto.From(store), StoreDto.From(updated), ct);
        return Results.Ok(StoreDto.From(updated));
    }
}
