using CartRecovery.Core.Sequences;
using CartRecovery.Core.Stores;

namespace CartRecovery.Data.Stores;

/// <summary>One row of <c>sending_policies</c>; quiet hours are minutes after local midnight, durations milliseconds.</summary>
internal sealed class SendingPolicyRow
{
    public const string Columns = """
        store_id, account, frequency_cap_count, frequency_cap_window_ms, quiet_start_minute, quiet_end_minute,
        max_cart_age_ms, consent, retention_days, updated_at, offer_cooldown_days, offer_farming_abandons,
        returning_offer_kind, returning_offer_value, returning_offer_valid_for_hours
        """;

    public long StoreId { get; set; }
    public string? Account { get; set; }
    public long FrequencyCapCount { get; set; }
    public long FrequencyCapWindowMs { get; set; }
    public long? QuietStartMinute { get; set; }
    public long? QuietEndMinute { get; set; }
    public long? MaxCartAgeMs { get; set; }
    public long Consent { get; set; }
    public long RetentionDays { get; set; }
    public long UpdatedAt { get; set; }
    public long OfferCooldownDays { get; set; }
    public long OfferFarmingAbandons { get; set; }
    public long? ReturningOfferKind { get; set; }
    public long? ReturningOfferValue { get; set; }
    public long? ReturningOfferValidForHours { get; set; }

    public static SendingPolicyRow From(long storeId, SendingPolicy policy, DateTimeOffset now) => new()
    {
        StoreId = storeId,
        Account = policy.Account,
        FrequencyCapCount = policy.FrequencyCap.MaxEmails,
        FrequencyCapWindowMs = DbTime.ToDbMs(policy.FrequencyCap.Window),
        QuietStartMinute = policy.QuietHours is { } q ? Minutes(q.Start) : null,
        QuietEndMinute = policy.QuietHours is { } h ? Minutes(h.End) : null,
        MaxCartAgeMs = policy.MaxCartAge is { } age ? DbTime.ToDbMs(age) : null,
        Consent = (long)policy.Consent,
        RetentionDays = policy.RetentionDays,
        UpdatedAt = DbTime.ToDb(now),
        OfferCooldownDays = policy.Offers.CooldownDays,
        OfferFarmingAbandons = policy.Offers.FarmingAbandons,
        ReturningOfferKind = policy.Offers.ReturningCustomerOffer is { } returning ? (long)returning.Kind : null,
        ReturningOfferValue = policy.Offers.ReturningCustomerOffer?.Value,
        ReturningOfferValidForHours = policy.Offers.ReturningCustomerOffer is { } r ? (long)r.ValidFor.TotalHours : null,
    };

    public SendingPolicy ToPolicy() => new()
    {
        Account = Account,
        FrequencyCap = new FrequencyCap((int)FrequencyCapCount, DbTime.FromDbMs(FrequencyCapWindowMs)),
        QuietHours = QuietStartMinute is { } start && QuietEndMinute is { } end
            ? new QuietHours(TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(start)), TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(end)))
            : null,
        MaxCartAge = MaxCartAgeMs is { } ms ? DbTime.FromDbMs(ms) : null,
        Consent = (ConsentRule)Consent,
        RetentionDays = (int)RetentionDays,
        Offers = new OfferPolicy((int)OfferCooldownDays, (int)OfferFarmingAbandons,
            ReturningOfferKind is { } kind ? new OfferSpec((OfferKind)kind, ReturningOfferValue ?? 0, TimeSpan.FromHours(ReturningOfferValidForHours ?? 48)) : null),
    };

    private static long Minutes(TimeOnly time) => time.Hour * 60L + time.Minute;
}
