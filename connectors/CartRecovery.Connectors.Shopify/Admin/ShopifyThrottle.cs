using System.Text.Json;

namespace CartRecovery.Connectors.Shopify.Admin;

/// <summary>
/// Reads the calculated-cost rate limit from a GraphQL response (<c>extensions.cost</c>). Shopify's leaky bucket refills at
/// <c>restoreRate</c> points per second, so a throttled request can run again after
/// <c>(requestedQueryCost - currentlyAvailable) / restoreRate</c> seconds
/// (https://shopify.dev/docs/apps/build/apis/graphql-admin/rate-limits).
/// </summary>
internal static class ShopifyThrottle
{
    /// <summary>Used when the response says it was throttled but carries no usable cost data.</summary>
    public static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(60);

    /// <summary>True when the GraphQL <c>errors</c> carry <c>extensions.code == "THROTTLED"</c>.</summary>
    public static bool IsThrottled(JsonElement root) =>
        root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array
        && errors.EnumerateArray().Any(e => ErrorCode(e) == "THROTTLED");

    public static string? ErrorCode(JsonElement error) =>
        error.ValueKind == JsonValueKind.Object
        && error.TryGetProperty("extensions", out var extensions) && extensions.ValueKind == JsonValueKind.Object
        && extensions.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String
            ? code.GetString()
            : null;

    /// <summary>How long until the bucket holds enough points for this request again.</summary>
    public static TimeSpan WaitFor(JsonElement root)
    {
        if (!root.TryGetProperty("extensions", out var extensions) || extensions.ValueKind != JsonValueKind.Object
            || !extensions.TryGetProperty("cost", out var cost) || cost.ValueKind != JsonValueKind.Object
            || !cost.TryGetProperty("throttleStatus", out var status) || status.ValueKind != JsonValueKind.Object
            || !TryNumber(cost, "requestedQueryCost", out var requested)
            || !TryNumber(status, "currentlyAvailable", out var available)
            || !TryNumber(status, "restoreRate", out var restoreRate) || restoreRate <= 0)
            return DefaultWait;

        var deficit = requested - available;
        if (deficit <= 0)
            return DefaultWait;   // a resource-based throttle, not the cost bucket: wait a moment
        // Multiply before dividing so that whole numbers of milliseconds stay exact (86 points at 50/s is 1,720 ms).
        var wait = TimeSpan.FromMilliseconds(Math.Ceiling(deficit * 1000 / restoreRate));
        return wait > MaxWait ? MaxWait : wait;
    }

    private static bool TryNumber(JsonElement parent, string name, out double value)
    {
        value = 0;
        return parent.TryGetProperty(name, out var element) && element.ValueKind == JsonValueKind.Number && element.TryGetDouble(out value);
    }
}
