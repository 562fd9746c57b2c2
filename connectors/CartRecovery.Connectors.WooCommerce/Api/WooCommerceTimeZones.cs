using System.Globalization;

namespace CartRecovery.Connectors.WooCommerce.Api;

/// <summary>
/// WordPress keeps the site's zone as <c>timezone_string</c> (an IANA id, empty when the admin picked a manual
/// "UTC+2" offset) and <c>gmt_offset</c> (hours, possibly fractional); both are in the public <c>/wp-json/</c> index
/// since WordPress 4.7.4 (core ticket #39854).
/// </summary>
internal static class WooCommerceTimeZones
{
    public static string Resolve(string? timezoneString, string? gmtOffset)
    {
        if (!string.IsNullOrWhiteSpace(timezoneString) && TimeZoneInfo.TryFindSystemTimeZoneById(timezoneString, out _))
            return timezoneString;
        if (decimal.TryParse(gmtOffset, NumberStyles.Number, CultureInfo.InvariantCulture, out var hours)
            && hours != 0 && hours == decimal.Truncate(hours) && Math.Abs(hours) <= 14)
        {
            // The Etc zones have POSIX-inverted signs: UTC+2 is "Etc/GMT-2". Fractional offsets (India's 5.5) have no Etc
            // zone; those shops get UTC and quiet hours are off by the fraction, which is better than guessing a region.
            var inverted = -(int)hours;
            return inverted > 0 ? $"Etc/GMT+{inverted}" : $"Etc/GMT{inverted}";
        }
        return "UTC";
    }
}
