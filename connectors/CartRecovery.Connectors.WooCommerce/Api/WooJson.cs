using System.Globalization;
using System.Text.Json;

namespace CartRecovery.Connectors.WooCommerce.Api;

/// <summary>
/// Lenient readers for WooCommerce JSON. Plugins and versions disagree on types (a number as a string, null for "",
/// a missing object), so values are read field by field instead of binding the whole document to fixed types.
/// </summary>
internal static class WooJson
{
    public static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                _ => null,
            }
            : null;

    /// <summary>The string, or null when missing or blank.</summary>
    public static string? NonEmpty(JsonElement element, string name) =>
        String(element, name) is { } s && !string.IsNullOrWhiteSpace(s) ? s.Trim() : null;

    public static long? Long(JsonElement element, string name) =>
        String(element, name) is { } s && long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

    public static decimal? Decimal(JsonElement element, string name) =>
        String(element, name) is { } s && decimal.TryParse(s, NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var d) ? d : null;

    public static JsonElement? Object(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? value : null;

    public static IEnumerable<JsonElement> Array(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray()
            : [];

    /// <summary>
    /// WooCommerce's <c>*_gmt</c> dates are ISO 8601 without an offset ("2026-11-22T17:00:00") and mean UTC.
    /// </summary>
    public static DateTimeOffset? GmtDate(JsonElement element, string name) =>
        NonEmpty(element, name) is { } s && DateTime.TryParse(s, CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date)
            ? new DateTimeOffset(date, TimeSpan.Zero)
            : null;

    /// <summary>The UTC instant in the form WooCommerce's date filters take together with <c>dates_are_gmt=true</c>.</summary>
    public static string FormatGmt(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
}
