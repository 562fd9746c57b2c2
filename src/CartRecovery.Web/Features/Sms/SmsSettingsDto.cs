using System.Globalization;
using CartRecovery.Core.Sms;

namespace CartRecovery.Web.Features.Sms;

/// <summary>
/// A store's SMS settings in the API's words. <c>consent</c> is <c>opted-in-only</c> or <c>declared-by-merchant</c>;
/// <c>window</c> is the daily sending hours (HH:mm, Monday to Saturday, within 08:00–20:00). The two URLs are read-only:
/// what to paste in Twilio.
/// </summary>
internal sealed record SmsSettingsDto(
    bool? Enabled, string? Country, string? Consent, SmsWindowDto? Window, int? MaxParts, string? MessagingServiceSid, string? FromNumber,
    Uri? InboundUrl = null, Uri? StatusCallbackUrl = null)
{
    public const string OptedInOnly = "opted-in-only";
    public const string DeclaredByMerchant = "declared-by-merchant";

    public static SmsSettingsDto From(SmsSettings settings, SmsUrls? urls = null) => new(
        settings.Enabled, settings.Country, settings.Consent == SmsConsentRule.DeclaredByMerchant ? DeclaredByMerchant : OptedInOnly,
        new SmsWindowDto(Clock(settings.Window.Opens), Clock(settings.Window.Closes)), settings.MaxParts, settings.MessagingServiceSid,
        settings.FromNumber, urls?.Inbound, urls?.StatusCallback);

    private static string Clock(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);
}

/// <summary>The daily hours texts may go out (Monday to Saturday, never Sundays or public holidays).</summary>
internal sealed record SmsWindowDto(string? Opens, string? Closes);
