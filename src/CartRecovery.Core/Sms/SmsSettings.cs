using CartRecovery.Core.Carts;

namespace CartRecovery.Core.Sms;

/// <summary>
/// A store's SMS channel: off until the merchant turns it on. The Twilio account is the deployment's; each store texts
/// from its own Messaging Service (preferred: it handles STOP/START itself) or its own number.
/// </summary>
public sealed record SmsSettings
{
    public static readonly SmsSettings Default = new();

    public bool Enabled { get; init; }

    /// <summary>
    /// ISO 3166-1 alpha-2 country whose numbers customers type without an international prefix (the store's country);
    /// null: the cart's address country. Also the holiday calendar when the customer's number has none of its own.
    /// </summary>
    public string? Country { get; init; }

    public SmsConsentRule Consent { get; init; } = SmsConsentRule.OptedInOnly;

    public SmsSendingWindow Window { get; init; } = SmsSendingWindow.Default;

    /// <summary>A text longer than this many parts is refused at validation (<see cref="SmsBudget.DefaultMaxParts"/>).</summary>
    public int MaxParts { get; init; } = SmsBudget.DefaultMaxParts;

    /// <summary>Twilio Messaging Service SID (<c>MG…</c>); used instead of <see cref="FromNumber"/> when both are set.</summary>
    public string? MessagingServiceSid { get; init; }

    /// <summary>E.164 number or alphanumeric sender ID texts come from when there is no Messaging Service.</summary>
    public string? FromNumber { get; init; }

    /// <summary>Whether the cart's customer may be texted under <see cref="Consent"/> (suppressions are checked apart).</summary>
    public bool Allows(CartContact contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        return Consent == SmsConsentRule.DeclaredByMerchant ? contact.AcceptsSms != false : contact.AcceptsSms == true;
    }

    /// <summary>The customer's number in E.164, read with the store's country, else the cart's.</summary>
    public MobileNumber NumberOf(CartContact contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        return MobileNumber.Parse(contact.Phone, Country ?? contact.Country);
    }

    /// <summary>
    /// When a commercial text to <paramref name="e164"/> may go out at the earliest: within <see cref="Window"/> on the
    /// customer's clock (their number's time zone, else <paramref name="storeZone"/>), skipping Sundays and the public
    /// holidays of the number's country (else of <see cref="Country"/>).
    /// </summary>
    public DateTimeOffset NextSendingTime(DateTimeOffset now, string e164, TimeZoneInfo storeZone)
    {
        ArgumentNullException.ThrowIfNull(storeZone);
        var country = MobileNumber.CountryOf(e164);
        var holidays = PublicHolidays.Knows(country) ? PublicHolidays.For(country) : PublicHolidays.For(Country);
        return Window.NextAllowed(now, MobileNumber.TimeZoneOf(e164) ?? storeZone, holidays);
    }

    /// <summary>What makes these settings unusable, field by field (API names); empty when they can be saved.</summary>
    public IReadOnlyList<(string Field, string Problem)> Problems()
    {
        var problems = new List<(string, string)>();
        if (Country is not null && !(Country.Length == 2 && Country.All(char.IsAsciiLetterUpper)))
            problems.Add(("country", "country must be an ISO 3166-1 alpha-2 code in capitals, e.g. FR"));
        if (Window.Problem is { } window)
            problems.Add(("window", window));
        if (MaxParts is < 1 or > 10)
            problems.Add(("maxParts", "maxParts must be between 1 and 10"));
        if (MessagingServiceSid is not null && !(MessagingServiceSid.StartsWith("MG", StringComparison.Ordinal) && MessagingServiceSid.Length == 34))
            problems.Add(("messagingServiceSid", "messagingServiceSid must be a Twilio Messaging Service SID (MG followed by 32 characters)"));
        if (FromNumber is not null && !IsSender(FromNumber))
            problems.Add(("fromNumber", "fromNumber must be an E.164 number (+33757000000) or an alphanumeric sender ID (1 to 11 letters, digits or spaces, with a letter)"));
        if (Enabled && MessagingServiceSid is null && string.IsNullOrWhiteSpace(FromNumber))
            problems.Add(("fromNumber", "a messagingServiceSid or a fromNumber is required to turn texts on"));
        return problems;
    }

    // Twilio's senders: a number in E.164, or an alphanumeric sender ID (at most 11 characters, A-Z a-z 0-9 and space,
    // at least one letter) where the country allows one (https://help.twilio.com/articles/223133767).
    private static bool IsSender(string from) =>
        from.StartsWith('+')
            ? from.Length is >= 8 and <= 16 && from[1] != '0' && from[1..].All(char.IsAsciiDigit)
            : from.Length is >= 1 and <= 11 && from.All(c => char.IsAsciiLetterOrDigit(c) || c == ' ') && from.Any(char.IsAsciiLetter);
}
