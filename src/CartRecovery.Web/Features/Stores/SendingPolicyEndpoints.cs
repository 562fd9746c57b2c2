using System.Globalization;
using CartRecovery.Core.Stores;
using CartRecovery.Web.Features.Admin;
using CartRecovery.Web.Features.Api;
using CartRecovery.Web.Features.Audit;
using CartRecovery.Web.Features.Auth;

namespace CartRecovery.Web.Features.Stores;

/// <summary>
/// <c>GET/PUT /api/stores/{id}/sending-policy</c>: the store's respectful-sending rules. PUT replaces the whole policy;
/// an omitted field takes its default. Every field is validated before anything is saved.
/// </summary>
internal static class SendingPolicyEndpoints
{
    private const string All = "all";
    private const string SubscribedOnly = "subscribed-only";
    private const string ClockFormat = "HH:mm";

    public sealed record FrequencyCapDto(int? MaxEmails, int? WindowDays);

    public sealed record QuietHoursDto(string? Start, string? End);

    public sealed record SendingPolicyDto(
        string? Account, FrequencyCapDto? FrequencyCap, QuietHoursDto? QuietHours, int? MaxCartAgeHours, string? Consent, int? RetentionDays)
    {
        public static SendingPolicyDto From(SendingPolicy policy) => new(
            policy.Account,
            new(policy.FrequencyCap.MaxEmails, (int)policy.FrequencyCap.Window.TotalDays),
            policy.QuietHours is { } q ? new(Clock(q.Start), Clock(q.End)) : null,
            policy.MaxCartAge is { } age ? (int)age.TotalHours : null,
            policy.Consent == ConsentRule.SubscribedOnly ? SubscribedOnly : All,
            policy.RetentionDays);
    }

    public static RouteGroupBuilder MapSendingPolicy(this RouteGroupBuilder api)
    {
        api.MapGet("/stores/{id:long}/sending-policy", async (long id, StoreAccess stores, IStorePolicyStore policies, CancellationToken ct) =>
            await stores.GetAsync(id, ct) is null
                ? ApiResults.StoreNotFound(id)
                : Results.Ok(SendingPolicyDto.From(await policies.GetAsync(id, ct))))
            .Describe<SendingPolicyDto>(ApiDescriptions.Sending, "The store's sending policy (caps, quiet hours, consent, retention)", 404);
        api.MapPut("/stores/{id:long}/sending-policy", PutAsync)
            .RequireAuthorization(CallerPolicies.Member)
            .Describe<SendingPolicyDto>(ApiDescriptions.Sending, "Replace the store's sending policy (omitted fields take defaults)", 400, 404);
        return api;
    }

    private static async Task<IResult> PutAsync(long id, SendingPolicyDto? request, StoreAccess stores, IStorePolicyStore policies,
        AuditTrail audit, TimeProvider time, CancellationToken ct)
    {
        if (await stores.GetAsync(id, ct) is not { } store)
            return ApiResults.StoreNotFound(id);
        if (request is null)
            return ApiResults.Invalid("body", "a JSON body is required");

        var errors = new Dictionary<string, string[]>();
        void Check(bool ok, string field, string rule)
        {
            if (!ok)
                errors[field] = [rule];
        }

        var account = string.IsNullOrWhiteSpace(request.Account) ? null : request.Account.Trim();
        Check(account is null || account.Length <= 100, "account", "account must be at most 100 characters (or empty for none)");
        var cap = request.FrequencyCap;
        Check(cap?.MaxEmails is null or (>= 0 and <= 20), "frequencyCap.maxEmails", "frequencyCap.maxEmails must be between 0 (no cap) and 20");
        Check(cap?.WindowDays is null or (>= 1 and <= 90), "frequencyCap.windowDays", "frequencyCap.windowDays must be between 1 and 90");
        TimeOnly start = default, end = default;
        if (request.QuietHours is { } quiet)
        {
            var startOk = TryParseClock(quiet.Start, out start);
            var endOk = TryParseClock(quiet.End, out end);
            Check(startOk, "quietHours.start", "quietHours.start must be a local time HH:mm such as 21:00");
            Check(endOk, "quietHours.end", "quietHours.end must be a local time HH:mm such as 08:00");
            Check(!startOk || !endOk || start != end, "quietHours", "quietHours must end at another time than it starts (null for none)");
        }
        Check(request.MaxCartAgeHours is null or (>= 1 and <= 2160), "maxCartAgeHours", "maxCartAgeHours must be between 1 and 2160 (90 days), or null for the deployment's default");
        Check(request.Consent is null or All or SubscribedOnly, "consent", $"consent must be {All} or {SubscribedOnly}");
        Check(request.RetentionDays is null or (>= 1 and <= 3650), "retentionDays", "retentionDays must be between 1 and 3650");
        if (errors.Count > 0)
            return Results.ValidationProblem(errors);

        var policy = new SendingPolicy
        {
            Account = account,
            FrequencyCap = new FrequencyCap(cap?.MaxEmails ?? FrequencyCap.Default.MaxEmails,
                cap?.WindowDays is { } days ? TimeSpan.FromDays(days) : FrequencyCap.Default.Window),
            QuietHours = request.QuietHours is null ? null : new QuietHours(start, end),
            MaxCartAge = request.MaxCartAgeHours is { } hours ? TimeSpan.FromHours(hours) : null,
            Consent = request.Consent == SubscribedOnly ? ConsentRule.SubscribedOnly : ConsentRule.All,
            RetentionDays = request.RetentionDays ?? SendingPolicy.DefaultRetentionDays,
        };
        var before = SendingPolicyDto.From(await policies.GetAsync(id, ct));
        await policies.SaveAsync(id, policy, time.GetUtcNow(), ct);
        await audit.RecordAsync(store, "policy.update", before, SendingPolicyDto.From(policy), ct);
        return Results.Ok(SendingPolicyDto.From(policy));
    }

    private static bool TryParseClock(string? value, out TimeOnly time) =>
        TimeOnly.TryParseExact(value, ClockFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    private static string Clock(TimeOnly time) => time.ToString(ClockFormat, CultureInfo.InvariantCulture);
}
