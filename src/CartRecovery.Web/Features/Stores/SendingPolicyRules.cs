using System.Globalization;
using CartRecovery.Core.Sequences;
using CartRecovery.Core.Stores;
using CartRecovery.Web.Features.Sequences;
using static CartRecovery.Web.Features.Stores.SendingPolicyEndpoints;

namespace CartRecovery.Web.Features.Stores;

/// <summary>
/// The rules of a store's sending policy, for the API (<c>PUT /api/stores/{id}/sending-policy</c>) and the settings
/// page alike: the whole policy replaced, an omitted field takes its default, every field checked before anything is saved.
/// </summary>
internal static class SendingPolicyRules
{
    /// <summary>The broken rules by field (the API's field names), or none and the policy to save.</summary>
    public static Dictionary<string, string[]> Parse(SendingPolicyDto request, out SendingPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(request);
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
        var offers = request.Offers;
        Check(offers?.CooldownDays is null or (>= 0 and <= 365), "offers.cooldownDays", "offers.cooldownDays must be between 0 (no cooldown) and 365");
        Check(offers?.FarmingAbandons is null or (>= 0 and <= 20), "offers.farmingAbandons", "offers.farmingAbandons must be between 0 (off) and 20");
        var returning = ReturningOffer(offers?.ReturningCustomerOffer, errors);

        policy = errors.Count > 0 ? SendingPolicy.Default : new SendingPolicy
        {
            Account = account,
            FrequencyCap = new FrequencyCap(cap?.MaxEmails ?? FrequencyCap.Default.MaxEmails,
                cap?.WindowDays is { } days ? TimeSpan.FromDays(days) : FrequencyCap.Default.Window),
            QuietHours = request.QuietHours is null ? null : new QuietHours(start, end),
            MaxCartAge = request.MaxCartAgeHours is { } hours ? TimeSpan.FromHours(hours) : null,
            Consent = request.Consent == SubscribedOnly ? ConsentRule.SubscribedOnly : ConsentRule.All,
            RetentionDays = request.RetentionDays ?? SendingPolicy.DefaultRetentionDays,
            Offers = new(offers?.CooldownDays ?? OfferPolicy.Default.CooldownDays, offers?.FarmingAbandons ?? OfferPolicy.Default.FarmingAbandons, returning),
        };
        return errors;
    }

    /// <summary>A returning customer's offer, with the bounds of a step's offer.</summary>
    private static OfferSpec? ReturningOffer(OfferDto? dto, Dictionary<string, string[]> errors)
    {
        if (dto is null)
            return null;
        const string Path = "offers.returningCustomerOffer";
        void Add(string field, SequenceRule rule) => errors.TryAdd(field, [rule.Api]);
        var offer = dto.ToOffer(Path, Add);
        SequenceValidator.ValidateOffer(offer, Path, Add);
        return offer;
    }

    private static bool TryParseClock(string? value, out TimeOnly time) =>
        TimeOnly.TryParseExact(value, ClockFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
}
