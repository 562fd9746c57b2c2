using CartRecovery.Core.Sms;

namespace CartRecovery.Data.Sms;

/// <summary>One row of <c>store_sms_settings</c>; the window is minutes after local midnight.</summary>
internal sealed class SmsSettingsRow
{
    public const string Columns = """
        store_id, enabled, country, consent, window_open_minute, window_close_minute, max_parts, messaging_service_sid,
        from_number, updated_at
        """;

    public long StoreId { get; set; }
    public long Enabled { get; set; }
    public string? Country { get; set; }
    public long Consent { get; set; }
    public long WindowOpenMinute { get; set; }
    public long WindowCloseMinute { get; set; }
    public long MaxParts { get; set; }
    public string? MessagingServiceSid { get; set; }
    public string? FromNumber { get; set; }
    public long UpdatedAt { get; set; }

    public static SmsSettingsRow From(long storeId, SmsSettings settings, DateTimeOffset now) => new()
    {
        StoreId = storeId,
        Enabled = settings.Enabled ? 1 : 0,
        Country = settings.Country,
        Consent = (long)settings.Consent,
        WindowOpenMinute = Minutes(settings.Window.Opens),
        WindowCloseMinute = Minutes(settings.Window.Closes),
        MaxParts = settings.MaxParts,
        MessagingServiceSid = settings.MessagingServiceSid,
        FromNumber = settings.FromNumber,
        UpdatedAt = DbTime.ToDb(now),
    };

    public SmsSettings ToSettings() => new()
    {
        Enabled = Enabled != 0,
        Country = Country,
        Consent = (SmsConsentRule)Consent,
        Window = new SmsSendingWindow(Time(WindowOpenMinute), Time(WindowCloseMinute)),
        MaxParts = (int)MaxParts,
        MessagingServiceSid = MessagingServiceSid,
        FromNumber = FromNumber,
    };

    private static long Minutes(TimeOnly time) => time.Hour * 60L + time.Minute;

    private static TimeOnly Time(long minutes) => TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(minutes));
}
