using System.Globalization;
using CartRecovery.Core.Sms;
using CartRecovery.Core.Stores;
using CartRecovery.Web.Features.Audit;

namespace CartRecovery.Web.Features.Sms;

/// <summary>
/// Reads and saves a store's SMS settings for the API and the settings page alike: the same parsing, the same rules
/// (<see cref="SmsSettings.Problems"/>: the window within 08:00–20:00, a Messaging Service SID or a sender), and the
/// same audit entry (<c>sms.settings</c>).
/// </summary>
internal sealed class SmsSettingsChanges(ISmsSettingsRepository settings, AuditTrail audit, TimeProvider time)
{
    /// <summary>The settings a request describes (omitted fields take their defaults), or the broken rules by API field name.</summary>
    public static Dictionary<string, string[]> Parse(SmsSettingsDto request, out SmsSettings parsed)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var consent = request.Consent switch
        {
            null or SmsSettingsDto.OptedInOnly => SmsConsentRule.OptedInOnly,
            SmsSettingsDto.DeclaredByMerchant => SmsConsentRule.DeclaredByMerchant,
            _ => (SmsConsentRule?)null,
        };
        if (consent is null)
            errors["consent"] = [$"consent must be {SmsSettingsDto.OptedInOnly} or {SmsSettingsDto.DeclaredByMerchant}"];
        var opens = Clock(request.Window?.Opens, SmsSendingWindow.EarliestOpening, "window.opens", errors);
        var closes = Clock(request.Window?.Closes, SmsSendingWindow.LatestClosing, "window.closes", errors);

        parsed = new SmsSettings
        {
            Enabled = request.Enabled ?? false,
            Country = Blank(request.Country),
            Consent = consent ?? SmsConsentRule.OptedInOnly,
            Window = new SmsSendingWindow(opens, closes),
            MaxParts = request.MaxParts ?? SmsBudget.DefaultMaxParts,
            MessagingServiceSid = Blank(request.MessagingServiceSid),
            FromNumber = Blank(request.FromNumber),
        };
        // An unreadable hour already has its error; the fallback it got must not add a second one about the window.
        var windowUnreadable = errors.ContainsKey("window.opens") || errors.ContainsKey("window.closes");
        foreach (var (field, problem) in parsed.Problems().Where(p => !(windowUnreadable && p.Field == "window")))
            errors[field] = [problem];
        return errors;
    }

    /// <summary>Saves valid settings and records the change in the store's audit log.</summary>
    public async Task SaveAsync(Store store, SmsSettings changed, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(changed);
        var before = SmsSettingsDto.From(await settings.GetAsync(store.Id, ct));
        await settings.SaveAsync(store.Id, changed, time.GetUtcNow(), ct);
        await audit.RecordAsync(store, "sms.settings", before, SmsSettingsDto.From(changed), ct);
    }

    private static TimeOnly Clock(string? given, TimeOnly fallback, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(given))
            return fallback;
        if (TimeOnly.TryParseExact(given.Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
            return time;
        errors[field] = [$"{field} must be a time as HH:mm, e.g. 09:00"];
        return fallback;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
