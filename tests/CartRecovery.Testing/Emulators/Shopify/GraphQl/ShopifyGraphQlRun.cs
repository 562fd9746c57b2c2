using System.Text.Json.Nodes;

namespace CartRecovery.Testing.Emulators.Shopify.GraphQl;

/// <summary>
/// What one execution knows and collects besides data: the scopes granted to the caller's token, field errors and
/// search warnings (extensions.search).
/// </summary>
internal sealed class ShopifyGraphQlRun(GqlOperation operation, string grantedScopes = "")
{
    public string GrantedScopes { get; } = grantedScopes;

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
