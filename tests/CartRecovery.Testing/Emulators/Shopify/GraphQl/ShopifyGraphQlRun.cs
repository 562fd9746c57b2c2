using System.Text.Json.Nodes;

namespace CartRecovery.Testing.Emulators.Shopify.GraphQl;

/// <summary>What one execution collects besides data: field errors and search warnings (extensions.search).</summary>
internal sealed class ShopifyGraphQlRun(GqlOperation operation)
{
    public List<JsonObject> Errors { get; } = [];

    public JsonArray SearchWarnings { get; } = [];

    public IEnumerable<string> PathTo(GqlField rootField) => [operation.PathRoot, rootField.ResponseKey];

    public void AddError(JsonObject error) => Errors.Add(error);

    /// <summary>Shopify reports ignored search terms in extensions.search: [{ path, query, warnings: [{ field, message }] }].</summary>
    public void AddSearchWarnings(GqlField field, string? query, IEnumerable<JsonObject> warnings) => SearchWarnings.Add(new JsonObject
    {
        ["path"] = new JsonArray(JsonValue.Create(field.ResponseKey)),
        ["query"] = query,
        ["warnings"] = new JsonArray([.. warnings]),
    });
}
