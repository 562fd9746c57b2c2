using System.Text.Json.Nodes;

namespace CartRecovery.Testing.Emulators.Shopify.GraphQl;

/// <summary>
/// The slice of the Storefront API schema the emulator serves (storefront 2026-07: queries/productRecommendations,
/// objects/Product, objects/Image, objects/ProductPriceRange, objects/MoneyV2), kept apart from the Admin schema
/// because the two APIs' types differ (the Storefront Product has availableForSale and priceRange). It checks a
/// query's fields and shapes complete objects into what was selected; unknown fields are answered as graphql-ruby does.
/// </summary>
internal static class ShopifyStorefrontSchema
{
    private static readonly Dictionary<string, Dictionary<string, string>> Types = new(StringComparer.Ordinal)
    {
        ["QueryRoot"] = Fields("productRecommendations:Product"),
        ["Product"] = Fields("id:ID title:String handle:String onlineStoreUrl:URL availableForSale:Boolean featuredImage:Image priceRange:ProductPriceRange"),
        ["Image"] = Fields("id:ID url:URL altText:String width:Int height:Int"),
        ["ProductPriceRange"] = Fields("minVariantPrice:MoneyV2 maxVariantPrice:MoneyV2"),
        ["MoneyV2"] = Fields("amount:Decimal currencyCode:CurrencyCode"),
    };

    /// <summary>Arguments of QueryRoot.productRecommendations and the values of ProductRecommendationIntent.</summary>
    public static readonly string[] RecommendationArguments = ["productId", "productHandle", "intent"];

    public static readonly string[] Intents = ["RELATED", "COMPLEMENTARY"];

    public static List<JsonObject> Validate(IReadOnlyList<GqlSelection> selections, string type, List<string> path)
    {
        var errors = new List<JsonObject>();
        foreach (var selection in selections)
        {
            if (selection is GqlInlineFragment fragment)
            {
                errors.AddRange(Validate(fragment.Selections, fragment.TypeCondition ?? type, path));
                continue;
            }

            if (selection is not GqlField field || field.Name == "__typename")
            {
                continue;
            }

            List<string> here = [.. path, field.ResponseKey];
            if (!Types.TryGetValue(type, out var fields) || !fields.TryGetValue(field.Name, out var fieldType))
            {
                errors.Add(ShopifyGraphQlErrors.Create($"Field '{field.Name}' doesn't exist on type '{type}'", field, here,
                    new JsonObject { ["code"] = "undefinedField", ["typeName"] = type, ["fieldName"] = field.Name }));
            }
            else if (Types.ContainsKey(fieldType) != field.HasSelections)
            {
                errors.Add(ShopifyGraphQlErrors.Create(field.HasSelections
                    ? $"Selections can't be made on scalars (field '{field.Name}' returns {fieldType} but has selections)"
                    : $"Field must have selections (field '{field.Name}' returns {fieldType} but has no selections. Did you mean '{field.Name} {{ ... }}'?)",
                    field, here, new JsonObject { ["code"] = "selectionMismatch", ["typeName"] = fieldType }));
            }
            else
            {
                errors.AddRange(Validate(field.Selections, fieldType, here));
            }
        }

        return errors;
    }

    /// <summary>What the query selected of a complete object (aliases and inline fragments applied).</summary>
    public static JsonNode? Project(JsonNode? value, IReadOnlyList<GqlSelection> selections, string type)
    {
        if (value is JsonArray items)
        {
            return new JsonArray([.. items.Select(item => Project(item, selections, type))]);
        }

        if (value is not JsonObject full)
        {
            return value?.DeepClone();
        }

        var result = new JsonObject();
        Apply(full, selections, type, result);
        return result;
    }

    private static void Apply(JsonObject full, IReadOnlyList<GqlSelection> selections, string type, JsonObject result)
    {
        foreach (var selection in selections)
        {
            if (selection is GqlInlineFragment fragment && (fragment.TypeCondition is null || fragment.TypeCondition == type))
            {
                Apply(full, fragment.Selections, type, result);
            }
            else if (selection is GqlField field)
            {
                var fieldType = Types[type].GetValueOrDefault(field.Name, "");
                result[field.ResponseKey] = field.Name == "__typename" ? type : Project(full[field.Name], field.Selections, fieldType);
            }
        }
    }

    private static Dictionary<string, string> Fields(string pairs) =>
        pairs.Split(' ').Select(p => p.Split(':')).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
}
