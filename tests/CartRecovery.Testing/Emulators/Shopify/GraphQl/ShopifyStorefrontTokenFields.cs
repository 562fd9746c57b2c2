using System.Text.Json.Nodes;
using static CartRecovery.Testing.Emulators.Shopify.ShopifyFormats;

namespace CartRecovery.Testing.Emulators.Shopify.GraphQl;

/// <summary>
/// <c>storefrontAccessTokenCreate</c> and <c>shop.storefrontAccessTokens</c> (admin-graphql 2026-07). A token inherits
/// the app's unauthenticated access scopes; an app granted none may not manage storefront tokens, and Shopify then
/// answers the field with a top-level ACCESS_DENIED error and null data (changelog "New error messages for GraphQL
/// operations without necessary access scopes": message, code, documentation and requiredAccess). An app holds at most
/// 100 active tokens per shop.
/// </summary>
internal sealed class ShopifyStorefrontTokenFields(ShopifyEmulatorState state)
{
    public const int MaxTokensPerShop = 100;
    private const string RequiredScope = "unauthenticated_read_product_listings";

    public JsonObject? Create(GqlField field, JsonObject input, ShopifyGraphQlRun run)
    {
        var scopes = UnauthenticatedScopes(run.GrantedScopes);
        if (scopes.Count == 0)
        {
            run.AddError(AccessDenied(field, run.PathTo(field)));
            return null;
        }

        var title = input["title"].AsString();
        ShopifyEmulatorStorefrontToken? created = null;
        string? problem = null;
        if (string.IsNullOrWhiteSpace(title))
        {
            problem = "Title can't be blank";
        }
        else
        {
            var number = state.NextId();
            var candidate = new ShopifyEmulatorStorefrontToken(
                Gid("StorefrontAccessToken", number), ShopifyEmulatorState.Hex($"storefront:{Guid.NewGuid()}"), title, string.Join(',', scopes), state.Now);
            if (state.TryAddStorefrontToken(candidate, MaxTokensPerShop))
            {
                created = candidate;
            }
            else
            {
                problem = $"Shop has reached the limit of {MaxTokensPerShop} storefront access tokens";
            }
        }

        return new JsonObject
        {
            ["__typename"] = "StorefrontAccessTokenCreatePayload",
            ["shop"] = new ShopifyGraphQlObjects(state).Shop(),
            ["storefrontAccessToken"] = created is null ? null : Token(created),
            ["userErrors"] = problem is null
                ? new JsonArray()
                : new JsonArray(new JsonObject { ["__typename"] = "UserError", ["field"] = new JsonArray("input", "title"), ["message"] = problem }),
        };
    }

    /// <summary>Adds <c>storefrontAccessTokens</c> to the shop when the query selects it (an ACCESS_DENIED error without the scope).</summary>
    public JsonObject AddTo(JsonObject shop, GqlField shopField, ShopifyGraphQlRun run)
    {
        var selected = Flatten(shopField.Selections).Where(f => f.Name == "storefrontAccessTokens").ToList();
        if (selected.Count == 0)
        {
            return shop;
        }

        if (UnauthenticatedScopes(run.GrantedScopes).Count == 0)
        {
            foreach (var field in selected)
            {
                run.AddError(AccessDenied(field, [.. run.PathTo(shopField), field.ResponseKey]));
            }

            shop["storefrontAccessTokens"] = null;
            return shop;
        }

        shop["storefrontAccessTokens"] = ShopifyConnections.All("StorefrontAccessToken", state.StorefrontTokens().Select(Token));
        return shop;
    }

    private static JsonObject Token(ShopifyEmulatorStorefrontToken token) => new()
    {
        ["__typename"] = "StorefrontAccessToken",
        ["id"] = token.Id,
        ["accessToken"] = token.AccessToken,
        ["title"] = token.Title,
        ["accessScopes"] = new JsonArray([.. token.Scopes.Split(',').Select(s => (JsonNode)new JsonObject { ["__typename"] = "AccessScope", ["handle"] = s, ["description"] = s })]),
        ["createdAt"] = GraphQlTime(token.CreatedAt),
        ["updatedAt"] = GraphQlTime(token.CreatedAt),
    };

    private static List<string> UnauthenticatedScopes(string granted) =>
        [.. granted.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(s => s.StartsWith("unauthenticated_", StringComparison.Ordinal))];

    private static JsonObject AccessDenied(GqlField field, IEnumerable<string> path) => ShopifyGraphQlErrors.Create(
        $"Access denied for {field.Name} field. Required access: `{RequiredScope}` access scope.",
        field,
        path,
        new JsonObject
        {
            ["code"] = "ACCESS_DENIED",
            ["documentation"] = "https://shopify.dev/api/usage/access-scopes",
            ["requiredAccess"] = $"`{RequiredScope}` access scope.",
        });

    private static IEnumerable<GqlField> Flatten(IReadOnlyList<GqlSelection> selections) =>
        selections.SelectMany(s => s switch
        {
            GqlField field => [field],
            GqlInlineFragment fragment => Flatten(fragment.Selections),
            _ => [],
        });
}
