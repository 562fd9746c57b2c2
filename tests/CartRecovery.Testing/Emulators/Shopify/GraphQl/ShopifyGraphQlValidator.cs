using System.Text.Json.Nodes;

namespace CartRecovery.Testing.Emulators.Shopify.GraphQl;

/// <summary>
/// Static validation before anything runs, as GraphQL requires: a document with any error executes nothing and
/// Shopify answers 200 with only <c>errors</c>. Messages follow graphql-ruby, which the Admin API runs.
/// </summary>
internal static class ShopifyGraphQlValidator
{
    public static List<JsonObject> Validate(GqlOperation operation, GqlVariables variables)
    {
        var errors = new List<JsonObject>();
        if (operation.Kind == "subscription")
        {
            errors.Add(ShopifyGraphQlErrors.Create("Subscriptions are not supported by the Admin API", null, [operation.PathRoot]));
            return errors;
        }

        Walk(operation.Selections, operation.RootType, [operation.PathRoot], variables, errors);
        return errors;
    }

    private static void Walk(IReadOnlyList<GqlSelection> selections, string parentType, List<string> path, GqlVariables variables, List<JsonObject> errors)
    {
        foreach (var selection in selections)
        {
            if (selection is GqlInlineFragment fragment)
            {
                var condition = fragment.TypeCondition ?? parentType;
                if (!ShopifyGraphQlSchema.IsKnownType(condition))
                {
                    errors.Add(ShopifyGraphQlErrors.Create(
                        $"No such type {condition}, so it can't be a fragment condition", fragment, path, Code("undefinedType", ("typeName", condition))));
                    continue;
                }

                Walk(fragment.Selections, condition, [.. path, $"... on {condition}"], variables, errors);
            }
            else if (selection is GqlField field)
            {
                ValidateField(field, parentType, path, variables, errors);
            }
        }
    }

    private static void ValidateField(GqlField field, string parentType, List<string> path, GqlVariables variables, List<JsonObject> errors)
    {
        List<string> fieldPath = [.. path, field.ResponseKey];
        if (field.Name == "__typename")
        {
            return;
        }

        var type = ShopifyGraphQlSchema.FieldType(parentType, field.Name);
        if (type is null)
        {
            errors.Add(ShopifyGraphQlErrors.Create(
                $"Field '{field.Name}' doesn't exist on type '{parentType}'",
                field,
                fieldPath,
                Code("undefinedField", ("typeName", parentType), ("fieldName", field.Name))));
            return;
        }

        if (ShopifyGraphQlSchema.IsLeaf(type) && field.HasSelections)
        {
            var names = string.Join(", ", field.Selections.OfType<GqlField>().Select(f => f.Name));
            errors.Add(ShopifyGraphQlErrors.Create(
                $"Selections can't be made on scalars (field '{field.Name}' returns {type} but has selections [{names}])",
                field,
                fieldPath,
                Code("selectionMismatch", ("nodeName", $"field '{field.Name}'"), ("typeName", type))));
            return;
        }

        if (!ShopifyGraphQlSchema.IsLeaf(type) && !field.HasSelections)
        {
            errors.Add(ShopifyGraphQlErrors.Create(
                $"Field must have selections (field '{field.Name}' returns {type} but has no selections. Did you mean '{field.Name} {{ ... }}'?)",
                field,
                fieldPath,
                Code("selectionMismatch", ("nodeName", $"field '{field.Name}'"), ("typeName", type))));
            return;
        }

        ValidateArguments(field, parentType, type, fieldPath, variables, errors);
        Walk(field.Selections, type, fieldPath, variables, errors);
    }

    private static void ValidateArguments(GqlField field, string parentType, string type, List<string> path, GqlVariables variables, List<JsonObject> errors)
    {
        if (ShopifyGraphQlSchema.ArgumentsOf(parentType, field.Name) is { } declared)
        {
            var names = declared.Select(d => d.TrimEnd('!')).ToList();
            foreach (var unknown in field.Arguments.Keys.Where(a => !names.Contains(a, StringComparer.Ordinal)))
            {
                errors.Add(ShopifyGraphQlErrors.Create($"Field '{field.Name}' doesn't accept argument '{unknown}'", field, path,
                    Code("argumentNotAccepted", ("name", field.Name), ("typeName", "Field"), ("argumentName", unknown))));
            }

            var missing = declared.Where(d => d.EndsWith('!') && !field.Arguments.ContainsKey(d.TrimEnd('!'))).Select(d => d.TrimEnd('!')).ToList();
            if (missing.Count > 0)
            {
                var list = string.Join(", ", missing);
                errors.Add(ShopifyGraphQlErrors.Create($"Field '{field.Name}' is missing required arguments: {list}", field, path,
                    Code("missingRequiredArguments", ("className", "Field"), ("name", field.Name), ("arguments", list))));
            }
        }

        if (ShopifyGraphQlSchema.IsConnection(type))
        {
            var first = field.Argument("first", variables).AsLong();
            var last = field.Argument("last", variables).AsLong();
            if (first is null && last is null)
            {
                errors.Add(ShopifyGraphQlErrors.Create("you must provide one of first or last", field, path));
            }

            // shopify.dev/docs/api/usage/limits: connections page at most 250 nodes. The wording is the one Shopify
            // reports for the Storefront API ("first cannot exceed 250"); the Admin wording was not found in the docs.
            foreach (var (name, value) in new[] { ("first", first), ("last", last) })
            {
                if (value > ShopifyGraphQlSchema.MaxPageSize || value < 0)
                {
                    errors.Add(ShopifyGraphQlErrors.Create($"{name} cannot exceed {ShopifyGraphQlSchema.MaxPageSize}", field, path));
                }
            }
        }

        // shopify.dev/docs/api/usage/limits: "Input arguments that accept an array have a maximum size of 250".
        if (field.Argument("ids", variables) is JsonArray ids && ids.Count > ShopifyGraphQlSchema.MaxPageSize)
        {
            errors.Add(ShopifyGraphQlErrors.Create(
                $"The input array size of {ids.Count} is greater than the maximum allowed of {ShopifyGraphQlSchema.MaxPageSize}.", field, path));
        }

        foreach (var (name, value) in field.Arguments)
        {
            if (!ShopifyGraphQlSchema.TryGetEnumArgument(parentType, field.Name, name, out var enumType, out var allowed))
            {
                continue;
            }

            var resolved = value.Resolve(variables);
            var given = resolved is JsonArray list ? list.Select(n => n?.ToString()) : [resolved?.ToString()];
            var invalid = given.FirstOrDefault(v => v is not null && !allowed.Contains(v, StringComparer.Ordinal));
            if (invalid is null)
            {
                continue;
            }

            var explanation = $"Expected \"{invalid}\" to be one of: {string.Join(", ", allowed)}";
            errors.Add(value is GqlVariable variable
                ? ShopifyGraphQlErrors.Create(
                    $"Variable ${variable.Name} of type {enumType} was provided invalid value",
                    field,
                    null,
                    new JsonObject
                    {
                        ["code"] = "INVALID_VARIABLE",
                        ["value"] = resolved?.DeepClone(),
                        ["problems"] = new JsonArray(new JsonObject { ["path"] = new JsonArray(), ["explanation"] = explanation }),
                    })
                : ShopifyGraphQlErrors.Create(
                    $"Argument '{name}' on Field '{field.Name}' has an invalid value ({invalid}). Expected type '{enumType}'.",
                    field,
                    path,
                    Code("argumentLiteralsIncompatible", ("typeName", "Field"), ("argumentName", name))));
        }
    }

    private static JsonObject Code(string code, params (string Key, string Value)[] extra)
    {
        var result = new JsonObject { ["code"] = code };
        foreach (var (key, value) in extra)
        {
            result[key] = value;
        }

        return result;
    }
}
