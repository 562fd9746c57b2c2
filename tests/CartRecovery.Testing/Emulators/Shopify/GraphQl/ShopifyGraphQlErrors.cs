using System.Text.Json.Nodes;

namespace CartRecovery.Testing.Emulators.Shopify.GraphQl;

/// <summary>
/// GraphQL error objects as the Admin API writes them: message, locations, path and an optional extensions object
/// (shopify.dev/docs/api/admin-graphql "Status and error codes").
/// </summary>
internal static class ShopifyGraphQlErrors
{
    public const string RateLimitDocumentation = "https://shopify.dev/api/usage/rate-limits";

    public static JsonObject Create(string message, GqlSelection? at, IEnumerable<string>? path, JsonObject? extensions = null)
    {
        var error = new JsonObject { ["message"] = message };
        if (at is not null)
        {
            error["locations"] = new JsonArray(new JsonObject { ["line"] = at.Line, ["column"] = at.Column });
        }

        if (path is not null)
        {
            error["path"] = new JsonArray([.. path.Select(p => (JsonNode?)JsonValue.Create(p))]);
        }

        if (extensions is not null)
        {
            error["extensions"] = extensions;
        }

        return error;
    }

    /// <summary>The documented throttled error (shopify.dev "GraphQL Admin API rate limits"); cost rides in top-level extensions.</summary>
    public static JsonObject Throttled() => new()
    {
        ["message"] = "Throttled",
        ["extensions"] = new JsonObject { ["code"] = "THROTTLED", ["documentation"] = RateLimitDocumentation },
    };

    /// <summary>The documented sample for a query above the single-query cost cap (admin-graphql "Sample 200 error responses").</summary>
    public static JsonObject MaxCostExceeded(int cost, int maxCost) => new()
    {
        ["message"] = $"Query cost is {cost}, which exceeds the single query max cost limit ({maxCost}).\n\n"
            + "See https://shopify.dev/concepts/about-apis/rate-limits for more information on how the\n"
            + "cost of a query is calculated.\n\n"
            + "To query larger amounts of data with fewer limits, bulk operations should be used instead.\n"
            + "See https://shopify.dev/tutorials/perform-bulk-operations-with-admin-api for usage details.\n",
        ["extensions"] = new JsonObject
        {
            ["code"] = "MAX_COST_EXCEEDED",
            ["cost"] = cost,
            ["maxCost"] = maxCost,
            ["documentation"] = "https://shopify.dev/api/usage/limits#rate-limits",
        },
    };
}
