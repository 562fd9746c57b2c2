namespace CartRecovery.Testing.Emulators.Shopify.GraphQl;

/// <summary>
/// Requested query cost, computed before execution the way shopify.dev "GraphQL Admin API rate limits" describes
/// it: scalars and enums cost 0, objects 1, a connection 2 plus <c>first</c> (or <c>last</c>) times the cost of
/// one node, interfaces and unions the maximum of their possible selections, a mutation field 10. The emulator
/// adds two conventions of its own: edge wrappers and pageInfo are free, and a connection selecting both
/// <c>edges { node }</c> and <c>nodes</c> is charged once (the larger). <see cref="ShopifyGraphQlProjector"/>
/// applies the same rules to the objects actually returned to get <c>actualQueryCost</c>.
/// </summary>
internal static class ShopifyGraphQlCost
{
    public const int MutationCost = 10;

    public static int Requested(GqlOperation operation, GqlVariables variables) =>
        Selection(operation.Selections, operation.RootType, variables, isRoot: true);

    public static bool IsFreeWrapper(string type) => type == "PageInfo" || type.EndsWith("Edge", StringComparison.Ordinal);

    private static int Selection(IReadOnlyList<GqlSelection> selections, string type, GqlVariables variables, bool isRoot = false) =>
        ShopifyGraphQlSchema.Concretes(type).Max(concrete => Sum(selections, concrete, variables, isRoot));

    private static int Sum(IReadOnlyList<GqlSelection> selections, string concrete, GqlVariables variables, bool isRoot)
    {
        var total = 0;
        foreach (var selection in selections)
        {
            total += selection switch
            {
                GqlInlineFragment fragment when ShopifyGraphQlSchema.Applies(fragment.TypeCondition, concrete) =>
                    Sum(fragment.Selections, concrete, variables, isRoot),
                GqlField field => Field(field, concrete, variables, isRoot),
                _ => 0,
            };
        }

        return total;
    }

    private static int Field(GqlField field, string parentType, GqlVariables variables, bool isRoot)
    {
        var type = ShopifyGraphQlSchema.FieldType(parentType, field.Name);
        if (type is null || ShopifyGraphQlSchema.IsLeaf(type))
        {
            return 0;
        }

        if (isRoot && ShopifyGraphQlSchema.IsMutationRoot(parentType))
        {
            return MutationCost;
        }

        if (ShopifyGraphQlSchema.IsConnection(type))
        {
            var size = (int)(field.Argument("first", variables).AsLong() ?? field.Argument("last", variables).AsLong() ?? 0);
            return 2 + (size * NodeCost(field, type, variables));
        }

        // A plain list of objects such as nodes(ids:) costs one object per requested id.
        var count = field.Argument("ids", variables) is System.Text.Json.Nodes.JsonArray ids ? ids.Count : 1;
        var own = IsFreeWrapper(type) ? 0 : 1;
        return count * (own + Selection(field.Selections, type, variables));
    }

    private static int NodeCost(GqlField connection, string connectionType, GqlVariables variables)
    {
        var nodeType = ShopifyGraphQlSchema.NodeType(connectionType);
        int edges = 0, nodes = 0;
        foreach (var child in Flatten(connection.Selections))
        {
            if (child.Name == "nodes")
            {
                nodes = Math.Max(nodes, 1 + Selection(child.Selections, nodeType, variables));
            }
            else if (child.Name == "edges")
            {
                foreach (var node in Flatten(child.Selections).Where(f => f.Name == "node"))
                {
                    edges = Math.Max(edges, 1 + Selection(node.Selections, nodeType, variables));
                }
            }
        }

        return Math.Max(edges, nodes);
    }

    private static IEnumerable<GqlField> Flatten(IReadOnlyList<GqlSelection> selections) =>
        selections.SelectMany(s => s switch
        {
            GqlField field => [field],
            GqlInlineFragment fragment => Flatten(fragment.Selections),
            _ => [],
        });
}
