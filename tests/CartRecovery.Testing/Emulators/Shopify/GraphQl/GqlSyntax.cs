using System.Text.Json.Nodes;

namespace CartRecovery.Testing.Emulators.Shopify.GraphQl;

// The emulator reads GraphQL documents into this small tree: enough to find root fields, resolve arguments,
// validate selections against ShopifyGraphQlSchema, price the query and shape the response. It is not a
// general GraphQL implementation (no directives semantics, no type checking of arguments beyond a few enums).

internal abstract record GqlSelection(int Line, int Column);

internal sealed record GqlField(
    string? Alias,
    string Name,
    IReadOnlyDictionary<string, GqlValue> Arguments,
    IReadOnlyList<GqlSelection> Selections,
    int Line,
    int Column) : GqlSelection(Line, Column)
{
    public string ResponseKey => Alias ?? Name;

    public bool HasSelections => Selections.Count > 0;

    public JsonNode? Argument(string name, GqlVariables variables) =>
        Arguments.TryGetValue(name, out var value) ? value.Resolve(variables) : null;
}

internal sealed record GqlInlineFragment(string? TypeCondition, IReadOnlyList<GqlSelection> Selections, int Line, int Column)
    : GqlSelection(Line, Column);

internal sealed record GqlFragmentSpread(string Name, int Line, int Column) : GqlSelection(Line, Column);

internal sealed record GqlFragment(string Name, string TypeCondition, IReadOnlyList<GqlSelection> Selections);

internal sealed record GqlVariableDefinition(string Name, string TypeName, GqlValue? DefaultValue);

internal sealed record GqlOperation(string Kind, string? Name, IReadOnlyList<GqlVariableDefinition> Variables, IReadOnlyList<GqlSelection> Selections)
{
    public string RootType => Kind == "mutation" ? "Mutation" : "QueryRoot";

    /// <summary>The first element of an error path, as graphql-ruby (Shopify) writes it: "query", "query Name".</summary>
    public string PathRoot => Name is null ? Kind : $"{Kind} {Name}";
}

internal sealed record GqlDocument(IReadOnlyList<GqlOperation> Operations);

internal abstract record GqlValue
{
    public abstract JsonNode? Resolve(GqlVariables variables);
}

internal sealed record GqlVariable(string Name) : GqlValue
{
    public override JsonNode? Resolve(GqlVariables variables) => variables.Get(Name);
}

internal sealed record GqlLiteral(JsonNode? Value, bool IsEnum = false) : GqlValue
{
    public override JsonNode? Resolve(GqlVariables variables) => Value?.DeepClone();
}

internal sealed record GqlList(IReadOnlyList<GqlValue> Items) : GqlValue
{
    public override JsonNode? Resolve(GqlVariables variables) => new JsonArray([.. Items.Select(i => i.Resolve(variables))]);
}

internal sealed record GqlObject(IReadOnlyDictionary<string, GqlValue> Fields) : GqlValue
{
    public override JsonNode? Resolve(GqlVariables variables)
    {
        var result = new JsonObject();
        foreach (var (key, value) in Fields)
        {
            result[key] = value.Resolve(variables);
        }

        return result;
    }
}
