using System.Globalization;

namespace CartRecovery.Testing.Emulators.Shopify;

/// <summary>How Shopify writes ids, times and money in its two API styles.</summary>
internal static class ShopifyFormats
{
    /// <summary>Global ids: gid://shopify/AbandonedCheckout/123 (shopify.dev/docs/api/usage/gids).</summary>
    public static string Gid(string type, long id) => $"gid://shopify/{type}/{id.ToString(CultureInfo.InvariantCulture)}";

    public static long? GidNumber(string? gid, string? type = null)
    {
        var prefix = type is null ? "gid://shopify/" : $"gid://shopify/{type}/";
        if (gid is null || !gid.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var tail = gid[(gid.LastIndexOf('/') + 1)..];
        return long.TryParse(tail, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
    }

    public static string? GidType(string gid)
    {
        var parts = gid.Split('/');
        return parts.Length == 5 && gid.StartsWith("gid://shopify/", StringComparison.Ordinal) ? parts[3] : null;
    }

    /// <summary>GraphQL DateTime: ISO 8601 in UTC with a Z ("2026-11-22T17:00:00Z").</summary>
    public static string GraphQlTime(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string? GraphQlTime(DateTimeOffset? instant) => instant is { } value ? GraphQlTime(value) : null;

    /// <summary>REST payload times: ISO 8601 with the shop's offset ("2026-11-22T18:00:00+01:00").</summary>
    public static string RestTime(DateTimeOffset instant, string ianaTimezone)
    {
        var local = TimeZoneInfo.TryFindSystemTimeZoneById(ianaTimezone, out var zone)
            ? TimeZoneInfo.ConvertTime(instant, zone)
            : instant.ToUniversalTime();
        return local.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
    }

    public static string? RestTime(DateTimeOffset? instant, string ianaTimezone) => instant is { } value ? RestTime(value, ianaTimezone) : null;

    /// <summary>GraphQL Decimal amounts are strings with at least one decimal ("49.9", "30.0").</summary>
    public static string GraphQlMoney(decimal amount) => decimal.Round(amount, 2).ToString("0.0#", CultureInfo.InvariantCulture);

    /// <summary>REST money is a string with two decimals ("49.90").</summary>
    public static string RestMoney(decimal amount) => decimal.Round(amount, 2).ToString("0.00", CultureInfo.InvariantCulture);
}
