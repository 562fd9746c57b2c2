using System.Text;
using System.Text.Json.Nodes;

namespace CartRecovery.Testing.Emulators.Shopify.GraphQl;

/// <summary>Relay connections (edges { cursor node }, nodes, pageInfo) as shopify.dev/docs/api/usage/pagination-graphql describes them.</summary>
internal static class ShopifyConnections
{
    public static JsonObject Build(string nodeType, IReadOnlyList<(string Cursor, JsonObject Node)> items, bool hasNextPage, bool hasPreviousPage) => new()
    {
        ["__typename"] = $"{nodeType}Connection",
        ["edges"] = new JsonArray([.. items.Select(i => (JsonNode)new JsonObject
        {
            ["__typename"] = $"{nodeType}Edge",
            ["cursor"] = i.Cursor,
            ["node"] = i.Node.DeepClone(),
        })]),
        ["nodes"] = new JsonArray([.. items.Select(i => (JsonNode)i.Node.DeepClone())]),
        ["pageInfo"] = new JsonObject
        {
            ["__typename"] = "PageInfo",
            ["hasNextPage"] = hasNextPage,
            ["hasPreviousPage"] = hasPreviousPage,
            ["startCursor"] = items.Count > 0 ? items[0].Cursor : null,
            ["endCursor"] = items.Count > 0 ? items[^1].Cursor : null,
        },
    };

    /// <summary>A whole small list as one page, with positional cursors (nested connections such as lineItems).</summary>
    public static JsonObject All(string nodeType, IEnumerable<JsonObject> nodes) =>
        Build(nodeType, [.. nodes.Select((node, index) => (Cursor(new JsonObject { ["last_id"] = index + 1 }), node))], false, false);

    /// <summary>Opaque cursor: base64 of a small JSON object, the way Shopify's cursors look (eyJsYXN0X2lkIjo...).</summary>
    public static string Cursor(JsonObject position) => Convert.ToBase64String(Encoding.UTF8.GetBytes(position.ToJsonString()));

    public static JsonObject? ReadCursor(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(cursor))) as JsonObject;
        }
        catch (Exception error) when (error is FormatException or System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
