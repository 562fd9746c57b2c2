using System.Globalization;
using System.Text.Json;
using CartRecovery.Core;

namespace CartRecovery.Connectors.Shopify.Checkouts;

/// <summary>Tolerant readers for Shopify payloads: a missing, null or wrongly typed field reads as null.</summary>
internal static class ShopifyJson
{
    public static JsonElement? Child(JsonElement? parent, string name) =>
        parent is { ValueKind: JsonValueKind.Object } p && p.TryGetProperty(name, out var child) && child.ValueKind == JsonValueKind.Object
            ? child
            : null;

    /// <summary>Follows object properties; null as soon as one is missing.</summary>
    public static JsonElement? Path(JsonElement? parent, params string[] names)
    {
        var current = parent;
        foreach (var name in names)
            current = Child(current, name);
        return current;
    }

    /// <summary>A non-blank string value.</summary>
    public static string? Text(JsonElement? parent, string name) =>
        parent is { ValueKind: JsonValueKind.Object } p && p.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            && !string.IsNullOrWhiteSpace(value.GetString())
                ? value.GetString()
                : null;

    /// <summary>
    /// A 64-bit id as invariant text. Shopify ids exceed 2^53, so they are read as integers (or from their string form)
    /// and never through a double, which would silently round them.
    /// </summary>
    public static string? Id(JsonElement? parent, string name)
    {
        if (parent is not { ValueKind: JsonValueKind.Object } p || !p.TryGetProperty(name, out var value))
            return null;
        return value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetInt64(out var id) => id.ToString(CultureInfo.InvariantCulture),
            JsonValueKind.String when long.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) =>
                id.ToString(CultureInfo.InvariantCulture),
            _ => null,
        };
    }

    public static bool? Bool(JsonElement? parent, string name) =>
        parent is { ValueKind: JsonValueKind.Object } p && p.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? value.GetBoolean()
            : null;

    public static int Int(JsonElement? parent, string name, int fallback) =>
        parent is { ValueKind: JsonValueKind.Object } p && p.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
            && value.TryGetInt32(out var number)
                ? number
                : fallback;

    /// <summary>An ISO-8601 instant, as UTC.</summary>
    public static DateTimeOffset? Time(JsonElement? parent, string name) =>
        Text(parent, name) is { } text
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time.ToUniversalTime()
            : null;

    /// <summary>
    /// A decimal amount (Shopify sends money as strings, "199.00"; a number is accepted too) in minor units of
    /// <paramref name="currency"/>.
    /// </summary>
    public static long? Money(JsonElement? parent, string name, string currency)
    {
        if (parent is not { ValueKind: JsonValueKind.Object } p || !p.TryGetProperty(name, out var value))
            return null;
        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
        return string.IsNullOrWhiteSpace(text) ? null : Core.Money.ParseMajor(text, currency);
    }

    /// <summary>The nodes of a GraphQL connection, whether it was selected as <c>nodes</c> or as <c>edges { node }</c>.</summary>
    public static IEnumerable<JsonElement> Nodes(JsonElement? connection)
    {
        if (connection is not { ValueKind: JsonValueKind.Object } c)
            return [];
        if (c.TryGetProperty("nodes", out var nodes) && nodes.ValueKind == JsonValueKind.Array)
            return nodes.EnumerateArray().Where(n => n.ValueKind == JsonValueKind.Object).ToList();
        if (c.TryGetProperty("edges", out var edges) && edges.ValueKind == JsonValueKind.Array)
            return edges.EnumerateArray().Select(e => Child(e, "node")).OfType<JsonElement>().ToList();
        return [];
    }

    /// <summary>The objects of an array property.</summary>
    public static IEnumerable<JsonElement> Array(JsonElement? parent, string name) =>
        parent is { ValueKind: JsonValueKind.Object } p && p.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object).ToList()
            : [];
}
