using CartRecovery.Core.Recovery;
using CartRecovery.Core.Sms;
using CartRecovery.Sms.Twilio;
using CartRecovery.Web.Features.Admin;
using CartRecovery.Web.Features.Api;
using CartRecovery.Web.Features.Auth;
using Microsoft.Extensions.Options;

namespace CartRecovery.Web.Features.Sms;

/// <summary>
/// <c>GET/PUT /api/stores/{id}/sms</c>: a store's SMS channel. PUT replaces the settings (omitted fields take their
/// defaults: off, opted-in customers only, 08:00–20:00, 2 parts); a window outside Monday–Saturday 08:00–20:00, an
/// unknown consent rule or a malformed sender is a 400 problem and nothing is saved.
/// </summary>
internal static class SmsSettingsEndpoints
{
    public static RouteGroupBuilder MapSmsSettings(this RouteGroupBuilder api)
    {
        api.MapGet("/stores/{id:long}/sms", GetAsync)
            .Describe<SmsSettingsDto>(ApiDescriptions.Sending, "The store's SMS settings and the two URLs to paste in Twilio", 404);
        api.MapPut("/stores/{id:long}/sms", PutAsync)
            .RequireAuthorization(CallerPolicies.Member)
            .Describe<SmsSettingsDto>(ApiDescriptions.Sending, "Replace the store's SMS settings (omitted fields take defaults)", 400, 404);
        return api;
    }

    private static async Task<IResult> GetAsync(long id, StoreAccess stores, ISmsSettingsRepository settings, RecoveryOptions recovery,
        IOptions<TwilioOptions> twilio, CancellationToken ct) =>
        await stores.GetAsync(id, ct) is not { } store
            ? ApiResults.StoreNotFound(id)
            : Results.Ok(SmsSettingsDto.From(await settings.GetAsync(id, ct), SmsUrls.For(store, recovery, twilio)));

    private static async Task<IResult> PutAsync(long id, SmsSettingsDto? request, StoreAccess stores, SmsSettingsChanges changes,
        RecoveryOptions recovery, IOptions<TwilioOptions> twilio, CancellationToken ct)
    {
        if (await stores.GetAsync(id, ct) is not { } store)
            return ApiResults.StoreNotFound(id);
        if (request is null)
            return ApiResults.Invalid("body", "a JSON body is required");
        if (SmsSettingsChanges.Parse(request, out var parsed) is { Count: > 0 } errors)
            return Results.ValidationProblem(errors);
        await changes.SaveAsync(store, parsed, ct);
        return Results.Ok(SmsSettingsDto.From(parsed, SmsUrls.For(store, recovery, twilio)));
    }
}
