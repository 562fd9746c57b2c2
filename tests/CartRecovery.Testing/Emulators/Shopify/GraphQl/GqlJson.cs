using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CartRecovery.Testing.Emulators.Shopify.GraphQl;

/// <summary>Lenient readers for argument values, which may come from literals or from request variables.</summary>
internal static class GqlJson
{
    public static long? AsLong(this JsonNode? node) => node is JsonValue value && value.GetValueKind() == JsonValueKind.Number
        && decimal.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
        && number == decimal.Truncate(number) && number is >= long.MinValue and <= long.MaxValue
        ? (long)number
        : null;

    public static decimal? AsDecimal(this JsonNode? node) => node is JsonValue value
        && value.GetValueKind() is JsonValueKind.Number or JsonValueKind.String
        && decimal.TryParse(value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString(),
            NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
        ? number
        : null;

    public static string? AsString(this JsonNode? node) => node is JsonValue value && value.GetValueKind() == JsonValueKind.String
        ? value.GetValue<string>()
        : null;

    public static bool? AsBool(this JsonNode? node) => node is JsonValue value && value.GetValueKind() is JsonValueKind.True or JsonValueKind.False
        ? value.GetValue<bool>()
        : null;

    public static DateTimeOffset? AsDateTime(this JsonNode? node) =>
        DateTimeOffset.TryParse(node.AsString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
            ? instant.ToUniversalTime()
            : null;
}
