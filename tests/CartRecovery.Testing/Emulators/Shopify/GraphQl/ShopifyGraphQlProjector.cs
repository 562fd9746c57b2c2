using System.Text.Json.Nodes;

namespace CartRecovery.Testing.Emulators.Shopify.GraphQl;

/// <summary>
/// Shapes the resolvers' complete objects into exactly what the query selected (aliases, inline fragments on
/// <c>__typename</c>, nested <c>first</c>/<c>last</c> on connections), and adds up <see cref="ActualCost"/> with
/// the rules of <see cref="ShopifyGraphQlCost"/> applied to what is really returned. A client that forgets to
/// select a field therefore does not get it, as with Shopify.
/// </summary>
internal sealed class ShopifyGraphQlProjector(GqlVariables variables)
{
    public int ActualCost { get; private set; }

    /// <summary>Projects one root field's value. Mutation payloads are priced flat, so their content adds nothing.</summary>
    public JsonNode? ProjectRoot(GqlField field, string rootType, JsonNode? value)
    {
        if (!ShopifyGraphQlSchema.IsMutationRoot(rootType))
        {
            return ProjectField(field, rootType, value);
        }

        var before = ActualCost;
        var projected = ProjectField(field, rootType, value);
        ActualCost = before + ShopifyGraphQlCost.MutationCost;
        return projected;
    }

    private JsonNode? ProjectField(GqlField field, string parentType, JsonNode? value)
    {
        var type = ShopifyGraphQlSchema.FieldType(parentType, field.Name);
        if (type is null || ShopifyGraphQlSchema.IsLeaf(type) || value is null)
        {
            return value?.DeepClone();
        }

        if (value is JsonArray items)
        {
            return new JsonArray([.. items.Select(item => ProjectCharged(item as JsonObject, field.Selections, type))]);
        }

        if (value is not JsonObject full)
        {
            return value.DeepClone();
        }

        return ShopifyGraphQlSchema.IsConnection(type)
            ? ProjectConnection(Slice(full, field), field.Selections, type)
            : ProjectCharged(full, field.Selections, type);
    }

    private JsonObject? ProjectCharged(JsonObject? full, IReadOnlyList<GqlSelection> selections, string type)
    {
        if (full is null)
        {
            return null;
        }

        if (!ShopifyGraphQlCost.IsFreeWrapper(type))
        {
            ActualCost++;
        }

        return ProjectObject(full, selections, type);
    }

    private JsonObject ProjectConnection(JsonObject connection, IReadOnlyList<GqlSelection> selections, string type)
    {
        // Edges and nodes describe the same objects: price each view separately and charge the larger, plus 2.
        var before = ActualCost;
        var result = new JsonObject();
        var costs = new Dictionary<string, int>(StringComparer.Ordinal) { ["edges"] = 0, ["nodes"] = 0 };
        foreach (var field in Flatten(selections))
        {
            var start = ActualCost;
            Put(result, field.ResponseKey, field.Name == "__typename"
                ? JsonValue.Create(type)
                : ProjectField(field, type, connection[field.Name]));
            if (costs.TryGetValue(field.Name, out var best))
            {
                costs[field.Name] = Math.Max(best, ActualCost - start);
            }

            ActualCost = start;
        }

        ActualCost = before + 2 + Math.Max(costs["edges"], costs["nodes"]);
        return result;
    }

    private JsonObject ProjectObject(JsonObject full, IReadOnlyList<GqlSelection> selections, string declaredType)
    {
        var concrete = full["__typename"].AsString() ?? declaredType;
        var result = new JsonObject();
        Apply(selections, concrete, declaredType, full, result);
        return result;
    }

    private void Apply(IReadOnlyList<GqlSelection> selections, string concrete, string declaredType, JsonObject full, JsonObject result)
    {
        foreach (var selection in selections)
        {
            if (selection is GqlInlineFragment fragment)
            {
                if (ShopifyGraphQlSchema.Applies(fragment.TypeCondition, concrete))
                {
                    Apply(fragment.Selections, concrete, fragment.TypeCondition ?? declaredType, full, result);
                }
            }
            else if (selection is GqlField field)
            {
                var parent = ShopifyGraphQlSchema.FieldType(concrete, field.Name) is null ? declaredType : concrete;
                Put(result, field.ResponseKey, field.Name == "__typename"
                    ? JsonValue.Create(concrete)
                    : ProjectField(field, parent, full[field.Name]));
            }
        }
    }

    // The same response key selected twice (e.g. once directly and once in a fragment) merges, as GraphQL requires.
    private static void Put(JsonObject result, string key, JsonNode? value)
    {
        if (result[key] is JsonObject existing && value is JsonObject addition)
        {
            foreach (var (name, node) in addition.ToList())
            {
                addition.Remove(name);
                Put(existing, name, node);
            }

            return;
        }

        result[key] = value;
    }

    private JsonObject Slice(JsonObject connection, GqlField field)
    {
        var first = field.Argument("first", variables).AsLong();
        var last = field.Argument("last", variables).AsLong();
        if (connection["nodes"] is not JsonArray nodes || connection["edges"] is not JsonArray edges
            || (first is null || first >= nodes.Count) && (last is null || last >= nodes.Count))
        {
            return connection;
        }

        var take = (int)(first ?? last ?? nodes.Count);
        var skip = first is null ? nodes.Count - take : 0;
        var keptEdges = edges.Skip(skip).Take(take).Select(e => e?.DeepClone()).ToList();
        return new JsonObject
        {
            ["__typename"] = connection["__typename"]?.DeepClone(),
            ["nodes"] = new JsonArray([.. nodes.Skip(skip).Take(take).Select(n => n?.DeepClone())]),
            ["edges"] = new JsonArray([.. keptEdges]),
            ["pageInfo"] = new JsonObject
            {
                ["__typename"] = "PageInfo",
                ["hasNextPage"] = first is not null,
                ["hasPreviousPage"] = first is null,
                ["startCursor"] = keptEdges.FirstOrDefault()?["cursor"]?.DeepClone(),
                ["endCursor"] = keptEdges.LastOrDefault()?["cursor"]?.DeepClone(),
            },
        };
    }

    private static IEnumerable<GqlField> Flatten(IReadOnlyList<GqlSelection> selections) =>
        selections.SelectMany(s => s switch
        {
            GqlField field => [field],
            GqlInlineFragment fragment => Flatten(fragment.Selections),
            _ => [],
        });
}
