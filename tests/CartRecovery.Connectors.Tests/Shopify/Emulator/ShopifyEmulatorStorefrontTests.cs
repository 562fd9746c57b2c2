using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CartRecovery.Testing.Emulators.Shopify;

namespace CartRecovery.Connectors.Tests.Shopify.Emulator;

/// <summary>The emulator's Storefront API and storefront access tokens, called raw, as Shopify answers them.</summary>
public sealed class ShopifyEmulatorStorefrontTests
{
    private const string Create = "mutation($input: StorefrontAccessTokenInput!) { storefrontAccessTokenCreate(input: $input) { storefrontAccessToken { accessToken title } userErrors { field message } } }";
    private const string Recommend = "query($id: ID!) { productRecommendations(productId: $id, intent: RELATED) { title } }";

    private static async Task<(int Status, JsonObject? Body)> StorefrontAsync(ShopifyEmulator shop, string? token, string query, JsonObject variables)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(shop.BaseUrl, "api/2026-07/graphql.json"))
        {
            Content = JsonContent.Create(new JsonObject { ["query"] = query, ["variables"] = variables.DeepClone() }),
        };
        if (token is not null)
        {
            request.Headers.Add("X-Shopify-Storefront-Access-Token", token);
        }

        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        return ((int)response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)) as JsonObject);
    }

    [Fact]
    public async Task StorefrontAccessTokenCreate_WithoutAnUnauthenticatedScope_IsAccessDenied()
    {
        await using var shop = await ShopifyEmulator.StartAsync(new ShopifyEmulatorOptions { Scopes = "read_orders" });
        using var http = new EmulatorHttp(shop);

        var (status, body) = await http.GraphQlAsync(shop.IssueOfflineToken(expiring: false).AccessToken, Create, new JsonObject { ["input"] = new JsonObject { ["title"] = "t" } });

        Assert.Equal(200, status);
        Assert.Equal("ACCESS_DENIED", body["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Null(body["data"]!["storefrontAccessTokenCreate"]);
        Assert.Empty(shop.StorefrontAccessTokens);
    }

    [Fact]
    public async Task Storefront_RefusesAMissingOrUnknownToken401_AndAnAdminToken403_AndAnswersWithItsOwnToken()
    {
        await using var shop = await ShopifyEmulator.StartAsync(new ShopifyEmulatorOptions { Scopes = "read_orders,unauthenticated_read_product_listings" });
        using var http = new EmulatorHttp(shop);
        var admin = shop.IssueOfflineToken(expiring: false).AccessToken;
        var boots = shop.AddProduct("Trail Boots", "145.00", related: [shop.AddProduct("Wool Socks", "12.50")]);
        var variables = new JsonObject { ["id"] = $"gid://shopify/Product/{boots}" };
        var (_, created) = await http.GraphQlAsync(admin, Create, new JsonObject { ["input"] = new JsonObject { ["title"] = "t" } });
        var token = created["data"]!["storefrontAccessTokenCreate"]!["storefrontAccessToken"]!["accessToken"]!.GetValue<string>();

        Assert.Equal(401, (await StorefrontAsync(shop, null, Recommend, variables)).Status);
        Assert.Equal(401, (await StorefrontAsync(shop, "0123456789abcdef0123456789abcdef", Recommend, variables)).Status);
        Assert.Equal(403, (await StorefrontAsync(shop, admin, Recommend, variables)).Status);
        var (status, body) = await StorefrontAsync(shop, token, Recommend, variables);
        Assert.Equal(200, status);
        Assert.Equal("Wool Socks", body!["data"]!["productRecommendations"]![0]!["title"]!.GetValue<string>());
        Assert.Null((await StorefrontAsync(shop, token, Recommend, new JsonObject { ["id"] = "gid://shopify/Product/1" })).Body!["data"]!["productRecommendations"]);
        Assert.Equal("undefinedField", (await StorefrontAsync(shop, token, "{ productRecommendations(productId: \"gid://shopify/Product/1\") { price } }", []))
            .Body!["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }
}
