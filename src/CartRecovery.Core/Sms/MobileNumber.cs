using PhoneNumbers;

namespace CartRecovery.Core.Sms;

/// <summary>
/// A customer's phone number as a text can reach it: <see cref="E164"/> when the number is a valid mobile number, else
/// null and <see cref="Problem"/> says why (shown on the cart's timeline when an SMS step is skipped).
/// </summary>
public sealed record MobileNumber(string? E164, string? Problem)
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    public bool CanBeTexted => E164 is not null;

    private const string NoPhone = "no phone number", NotAPhone = "not a phone number", NotValid = "not a valid phone number",
        NotMobile = "not a mobile number";

    /// <summary>Every <see cref="Problem"/> there is (the cart timeline has words for each).</summary>
    public static readonly IReadOnlyList<string> Problems = [NoPhone, NotAPhone, NotValid, NotMobile];

    /// <summary>
    /// Reads <paramref name="given"/> as the customer typed it. A number without its international prefix ("06 12 34 56 78")
    /// is read in <paramref name="defaultRegion"/> (ISO 3166-1 alpha-2: the store's country, else the cart's address).
    /// Fixed lines and numbers whose type is unknown are refused: the provider would reject them (Twilio 21614).
    /// </summary>
    public static MobileNumber Parse(string? given, string? defaultRegion)
    {
        if (string.IsNullOrWhiteSpace(given))
            return new(null, NoPhone);
        PhoneNumber number;
        try
        {
            number = Util.Parse(given, defaultRegion?.Trim().ToUpperInvariant());
        }
        catch (NumberParseException)
        {
            return new(null, NotAPhone);
        }
        if (!Util.IsValidNumber(number))
            return new(null, NotValid);
        return Util.GetNumberType(number) is PhoneNumberType.MOBILE or PhoneNumberType.FIXED_LINE_OR_MOBILE
            ? new(Util.Format(number, PhoneNumberFormat.E164), null)
            : new(null, NotMobile);
    }

    /// <summary>
    /// The customer's time zone from an E.164 number when the number belongs to exactly one zone (+33 6: Europe/Paris),
    /// else null (a US mobile, a number without a geographic zone): the store's zone applies then.
    /// </summary>
    public static TimeZoneInfo? TimeZoneOf(string e164)
    {
        try
        {
            var zones = PhoneNumberToTimeZonesMapper.GetInstance().GetTimeZonesForNumber(Util.Parse(e164, null));
            return zones.Count == 1 && TimeZoneInfo.TryFindSystemTimeZoneById(zones[0], out var zone) ? zone : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    /// <summary>The ISO 3166-1 alpha-2 country of an E.164 number (the customer's country for quiet hours and holidays), or null.</summary>
    public static string? CountryOf(string e164)
    {
        try
        {
            var region = Util.GetRegionCodeForNumber(Util.Parse(e164, null));
            return region is null or "ZZ" or "001" ? null : region;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }
}
