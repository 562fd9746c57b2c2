using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using static CartRecovery.Testing.Emulators.Shopify.ShopifyFormats;

namespace CartRecovery.Testing.Emulators.Shopify.GraphQl;

/// <summary>
/// POST /api/{version}/graphql.json, the Storefront API (shopify.dev/docs/api/storefront), with token-based access only:
/// the <c>X-Shopify-Storefront-Access-Token</c> header must hold a token made by <c>storefrontAccessTokenCreate</c>.
/// A missing or unknown token is 401, an Admin API token in its place 403 (api/usage/response-codes: 401 "credentials
/// ... not present ... or incorrect", 403 refused); the bodies are stand-ins, clients should only read the status.
/// It answers <c>productRecommendations</c> from the products tests add, in their order; a token without
/// <c>unauthenticated_read_product_listings</c> gets ACCESS_DENIED, as the Storefront API reports missing scopes.
/// </summary>
internal sealed class ShopifyStorefrontEndpoint(ShopifyEmulatorState state, ShopifyTokenRepository adminTokens)
{
    private const string RequiredScope = "unauthenticated_read_product_listings";

    public async Task HandleAsync(HttpContext context, string body)
    {
        var response = context.Response;
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            await ShopifyHttp.WriteAsync(response, StatusCodes.Status405MethodNotAllowed, new JsonObject { ["errors"] = "Method Not Allowed" });
            return;
        }

        if (state.TakeFailure() is { } fault)
        {
            await ShopifyHttp.WriteFaultAsync(response, fault);
            return;
        }

        var header = context.Request.Headers["X-Shopify-Storefront-Access-Token"].ToString();
        if (state.StorefrontTokens().FirstOrDefault(t => t.AccessToken == header) is not { } token)
        {
            var status = adminTokens.IsValid(header) ? StatusCodes.Status403Forbidden : StatusCodes.Status401Unauthorized;
            await ShopifyHttp.WriteAsync(response, status, new JsonObject
            {
                ["errors"] = new JsonArray(new JsonObject
                {
                    ["message"] = "",
                    ["extensions"] = new JsonObject { ["code"] = status == StatusCodes.Status403Forbidden ? "FORBIDDEN" : "UNAUTHORIZED" },
                }),
            });
            return;
        }

        if (ShopifyGraphQlEndpoint.ReadRequest(context.Request.ContentType, body) is not { } request)
        {
            await ShopifyHttp.WriteAsync(response, StatusCodes.Status400BadRequest,
                new JsonObject { ["errors"] = new JsonObject { ["query"] = "Required parameter missing or invalid" } });
            return;
        }

        await ShopifyHttp.WriteAsync(response, StatusCodes.Status200OK, Execute(request.Query, request.Variables, request.OperationName, token));
    }

    private JsonObject Execute(string query, JsonObject? variablesJson, string? operationName, ShopifyEmulatorStorefrontToken token)
    {
        GqlOperation operation;
        try
        {
            operation = ShopifyGraphQlEndpoint.Choose(GqlParser.Parse(query), operationName);
        }
        catch (GqlSyntaxException error)
        {
            return Errors([ShopifyGraphQlErrors.Create(error.Message, null, null)]);
        }

        var variables = new GqlVariables(variablesJson, operation);
        var invalid = ShopifyStorefrontSchema.Validate(operation.Selections, operation.RootType, [operation.PathRoot]);
        var roots = operation.Selections.OfType<GqlField>().ToList();
        invalid.AddRange(roots.Where(f => f.Name == "productRecommendations").SelectMany(f => CheckArguments(f, variables, operation)));
        if (invalid.Count > 0)
        {
            return Errors(invalid);
        }

        var errors = new JsonArray();
        var data = new JsonObject();
        foreach (var field in roots)
        {
            if (field.Name == "__typename")
            {
                data[field.ResponseKey] = operation.RootType;
                continue;
            }

            if (!token.Scopes.Split(',').Contains(RequiredScope, StringComparer.Ordinal))
            {
                errors.Add(ShopifyGraphQlErrors.Create($"Access denied for {field.Name} field. Required access: `{RequiredScope}` access scope.",
                    field, [operation.PathRoot, field.ResponseKey], new JsonObject
                    {
                        ["code"] = "ACCESS_DENIED",
                        ["documentation"] = "https://shopify.dev/api/usage/access-scopes",
                        ["requiredAccess"] = $"`{RequiredScope}` access scope.",
                    }));
                data[field.ResponseKey] = null;
                continue;
            }

            data[field.ResponseKey] = ShopifyStorefrontSchema.Project(Recommendations(field, variables), field.Selections, "Product");
        }

        var result = new JsonObject();
        if (errors.Count > 0)
        {
            result["errors"] = errors;
        }

        result["data"] = data;
        return result;
    }

    // Null for a product the shop does not have, as the Storefront API answers.
    private JsonArray? Recommendations(GqlField field, GqlVariables variables)
    {
        var id = GidNumber(field.Argument("productId", variables).AsString(), "Product");
        var handle = field.Argument("productHandle", variables).AsString();
        var product = id is { } number ? state.FindProduct(number) : state.Products().FirstOrDefault(p => p.Handle == handle);
        if (product is null)
        {
            return null;
        }

        return new JsonArray([.. product.Related.Select(state.FindProduct).OfType<ShopifyEmulatorProduct>().Select(p => (JsonNode)Product(p))]);
    }

    private JsonObject Product(ShopifyEmulatorProduct product)
    {
        var price = new JsonObject
        {
            ["__typename"] = "MoneyV2",
            ["amount"] = GraphQlMoney(decimal.Parse(product.Price, System.Globalization.CultureInfo.InvariantCulture)),
            ["currencyCode"] = product.Currency ?? state.Options.Currency,
        };
        return new JsonObject
        {
            ["__typename"] = "Product",
            ["id"] = Gid("Product", product.Id),
            ["title"] = product.Title,
            ["handle"] = product.Handle,
            ["onlineStoreUrl"] = product.OnlineStoreUrl,
            ["availableForSale"] = product.AvailableForSale,
            ["featuredImage"] = product.ImageUrl is null ? null : new JsonObject
            {
                ["__typename"] = "Image",
                ["id"] = Gid("ProductImage", product.Id),
                ["url"] = product.ImageUrl,
                ["altText"] = null,
                ["width"] = 800,
                ["height"] = 800,
            },
            ["priceRange"] = new JsonObject { ["__typename"] = "ProductPriceRange", ["minVariantPrice"] = price, ["maxVariantPrice"] = price.DeepClone() },
        };
    }

    private static IEnumerable<JsonObject> CheckArguments(GqlField field, GqlVariables variables, GqlOperation operation)
    {
        List<string> path = [operation.PathRoot, field.ResponseKey];
        foreach (var unknown in field.Arguments.Keys.Except(ShopifyStorefrontSchema.RecommendationArguments))
        {
            yield return ShopifyGraphQlErrors.Create($"Field '{field.Name}' doesn't accept argument '{unknown}'", field, path,
                new JsonObject { ["code"] = "argumentNotAccepted", ["name"] = field.Name, ["typeName"] = "Field", ["argumentName"] = unknown });
        }

        if (field.Argument("intent", variables).AsString() is { } intent && !ShopifyStorefrontSchema.Intents.Contains(intent, StringComparer.Ordinal))
        {
            yield return ShopifyGraphQlErrors.Create(
                $"Argument 'intent' on Field '{field.Name}' has an invalid value ({intent}). Expected type 'ProductRecommendationIntent'.", field, path,
                new JsonObject { ["code"] = "argumentLiteralsIncompatible", ["typeName"] = "Field", ["argumentName"] = "intent" });
        }

        if (field.Argument("productId", variables) is null && field.Argument("productHandle", variables) is null)
        {
            yield return ShopifyGraphQlErrors.Create("Either productId or productHandle must be provided", field, path);
        }
    }

    private static JsonObject Errors(IEnumerable<JsonObject> errors) => new() { ["errors"] = new JsonArray([.. errors]) };
}
