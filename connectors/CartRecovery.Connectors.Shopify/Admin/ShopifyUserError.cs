using System.Text.Json;

namespace CartRecovery.Connectors.Shopify.Admin;

/// <summary>One entry of a mutation payload's <c>userErrors</c>: the mutation ran and refused the input.</summary>
internal sealed record ShopifyUserError(string? Field, string? Code, string Message)
{
    /// <summary>The <c>userErrors</c> of <c>data.{mutation}</c>; empty when there are none.</summary>
    public static IReadOnlyList<ShopifyUserError> Read(JsonElement data, string mutation)
    {
        if (!data.TryGetProperty(mutation, out var payload) || payload.ValueKind != JsonValueKind.Object
            || !payload.TryGetProperty("userErrors", out var errors) || errors.ValueKind != JsonValueKind.Array)
            return [];
        return errors.EnumerateArray().Select(e => new ShopifyUserError(
            e.TryGetProperty("field", out var field) && field.ValueKind == JsonValueKind.Array
                ? string.Join('.', field.EnumerateArray().Select(f => f.ToString()))
                : null,
            e.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String ? code.GetString() : null,
            e.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String ? message.GetString() ?? "" : "")).ToList();
    }

    public static string Describe(IEnumerable<ShopifyUserError> errors) =>
        string.Join("; ", errors.Select(e => e.Field is null ? e.Message : $"{e.Field}: {e.Message}"));
}
