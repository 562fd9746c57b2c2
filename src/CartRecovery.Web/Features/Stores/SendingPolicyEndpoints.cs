using System.Globalization;
using CartRecovery.Core.Stores;
using CartRecovery.Web.Features.Admin;
using CartRecovery.Web.Features.Api;
using CartRecovery.Web.Features.Audit;
using CartRecovery.Web.Features.Auth;
using CartRecovery.Web.Features.Sequences;

namespace CartRecovery.Web.Features.Stores;

/// <summary>
/// <c>GET/PUT /api/stores/{id}/sending-policy</c>: the store's respectful-sending rules. PUT replaces the whole policy;
/// an omitted field takes its default. Every field is validated before anything is saved.
/// </summary>
internal static class SendingPolicyEndpoints
{
    public const string All = "all";
    public const string SubscribedOnly = "subscribed-only";
    public const string ClockFormat = "HH:mm";

    public sealed record FrequencyCapDto(int? MaxEmails, int? WindowDays);

    public sealed record QuietHoursDto(string? Start, string? End);

    /// <summary>
    /// Who gets a step's offer: none within <c>cooldownDays</c> of the last one, none after <c>farmingAbandons</c> abandoned
    /// carts without an order; a customer who ordered before gets <c>returningCustomerOffer</c> instead when it is set.
    /// </summary>
    public sealed record OfferRulesDto(int? CooldownDays, int? FarmingAbandons, OfferDto? ReturningCustomerOffer = null);

    public sealed record SendingPolicyDto(
        string? Account, FrequencyCapDto? FrequencyCap, QuietHoursDto? QuietHours, int? MaxCartAgeHours, string? Consent, int? RetentionDays,
        OfferRulesDto? Offers = null)
    {
        public static SendingPolicyDto From(SendingPolicy policy) => new(
            policy.Account,
            new(policy.FrequencyCap.MaxEmails, (int)policy.FrequencyCap.Window.TotalDays),
            policy.QuietHours is { } q ? new(Clock(q.Start), Clock(q.End)) : null,
            policy.MaxCartAge is { } age ? (int)age.TotalHours : null,
            policy.Consent == ConsentRule.SubscribedOnly ? SubscribedOnly : All,
            policy.RetentionDays,
            new(policy.Offers.CooldownDays, policy.Offers.FarmingAbandons,
                policy.Offers.ReturningCustomerOffer is { } returning ? OfferDto.From(returning) : null));
    }

    public static RouteGroupBuilder MapSendingPolicy(this RouteGroupBuilder api)
    {
        api.MapGet("/stores/{id:long}/sending-policy", async (long id, StoreAccess stores, IStorePolicyRepository policies, CancellationToken ct) =>
            await stores.GetAsync(id, ct) is null
                ? ApiResults.StoreNotFound(id)
                : Results.Ok(SendingPolicyDto.From(await policies.GetAsync(id, ct))))
            .Describe<SendingPolicyDto>(ApiDescriptions.Sending, "The store's sending policy (caps, quiet hours, consent, retention, offer rules)", 404);
        api.MapPut("/stores/{id:long}/sending-policy", PutAsync)
            .RequireAuthorization(CallerPolicies.Member)
            .Describe<SendingPolicyDto>(ApiDescriptions.Sending, "Replace the store's sending policy (omitted fields take defaults)", 400, 404);
        return api;
    }

    private static async Task<IResult> PutAsync(long id, SendingPolicyDto? request, StoreAccess stores, IStorePolicyRepository policies,
        AuditTrail audit, TimeProvider time, CancellationToken ct)
    {
        if (await stores.GetAsync(id, ct) is not { } store)
            return ApiResults.StoreNotFound(id);
        if (request is null)
            return ApiResults.Invalid("body", "a JSON body is required");

        if (SendingPolicyRules.Parse(request, out var policy) is { Count: > 0 } errors)
            return Results.ValidationProblem(errors);

        var before = SendingPolicyDto.From(await policies.GetAsync(id, ct));
        await policies.SaveAsync(id, policy, time.GetUtcNow(), ct);
        await audit.RecordAsync(store, "policy.update", before, SendingPolicyDto.From(policy), ct);
        return Results.Ok(SendingPolicyDto.From(policy));
    }

    public static string Clock(TimeOnly time) => time.ToString(ClockFormat, CultureInfo.InvariantCulture);
}
