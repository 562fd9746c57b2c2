using System.Text.Json.Nodes;
using CartRecovery.Testing.Emulators.Shopify;

namespace CartRecovery.Connectors.Tests.Shopify.Emulator;

/// <summary>GraphQL behaviour a connector relies on: selection, validation, cost caps, faults, mutations.</summary>
public sealed class ShopifyEmulatorGraphQlTests
{
    private const string FullCheckoutQuery = """
        query Page($first: Int!) {
          abandonedCheckouts(first: $first) {
            nodes {
              checkoutId: id name abandonedCheckoutUrl createdAt updatedAt completedAt
              customer { id email firstName lastName phone locale emailMarketingConsent { marketingState marketingOptInLevel consentUpdatedAt } }
              billingAddress { firstName lastName phone countryCodeV2 }
              lineItems(first: 1) {
                nodes {
                  id title variantTitle sku quantity
                  variant { id image { url } }
                  product { id featuredMedia { preview { image { url } } } }
                  originalUnitPriceSet { shopMoney { amount currencyCode } presentmentMoney { amount currencyCode } }
                }
                pageInfo { hasNextPage }
              }
              subtotalPriceSet { shopMoney { amount currencyCode } presentmentMoney { amount currencyCode } }
              totalPriceSet { shopMoney { amount currencyCode } }
              discountCodes taxesIncluded
            }
          }
        }
        """;

    [Fact]
    public async Task AbandonedCheckouts_WithDocumentedFields_ReturnsExactlyTheSelection()
    {
        await using var shop = await ShopifyEmulator.StartAsync();
        using var http = new EmulatorHttp(shop);
        shop.AddCheckout(new ShopifyEmulatorCheckout
        {
            Id = 42,
            Email = "anna@example.com",
            FirstName = "Anna",
            AcceptsMarketing = true,
            PresentmentCurrency = "USD",
            PresentmentRate = 1.1m,
            Lines = [new(101, 201, "Linen shirt", "Blue / M", "LS-1", 2, "49.90", "https://cdn.example/v.jpg"), new(102, 202, "Belt")],
        });

        var (_, body) = await http.GraphQlAsync(shop.IssueOfflineToken(false).AccessToken, FullCheckoutQuery, new JsonObject { ["first"] = 5 });

        var node = body["data"]!["abandonedCheckouts"]!["nodes"]![0]!;
        Assert.Equal("gid://shopify/AbandonedCheckout/42", node["checkoutId"]!.GetValue<string>());
        Assert.False(node.AsObject().ContainsKey("id"));
        Assert.False(node.AsObject().ContainsKey("note"));
        Assert.Equal("SUBSCRIBED", node["customer"]!["emailMarketingConsent"]!["marketingState"]!.GetValue<string>());
        Assert.StartsWith($"https://{shop.ShopDomain}/{shop.ShopId}/checkouts/ac/", node["abandonedCheckoutUrl"]!.GetValue<string>(), StringComparison.Ordinal);
        var lines = node["lineItems"]!;
        Assert.Single(lines["nodes"]!.AsArray());
        Assert.True(lines["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        var line = lines["nodes"]![0]!;
        Assert.Equal("https://cdn.example/v.jpg", line["variant"]!["image"]!["url"]!.GetValue<string>());
        Assert.Equal("https://cdn.example/v.jpg", line["product"]!["featuredMedia"]!["preview"]!["image"]!["url"]!.GetValue<string>());
        Assert.Equal("49.9", line["originalUnitPriceSet"]!["shopMoney"]!["amount"]!.GetValue<string>());
        Assert.Equal("USD", line["originalUnitPriceSet"]!["presentmentMoney"]!["currencyCode"]!.GetValue<string>());
        Assert.Equal("149.7", node["subtotalPriceSet"]!["shopMoney"]!["amount"]!.GetValue<string>());
        Assert.Equal("164.67", node["subtotalPriceSet"]!["presentmentMoney"]!["amount"]!.GetValue<string>());
    }

    [Fact]
    public async Task GraphQl_WithUnknownRootField_AnswersUndefinedFieldWithoutData()
    {
        await using var shop = await ShopifyEmulator.StartAsync();
        using var http = new EmulatorHttp(shop);

        var (status, body) = await http.GraphQlAsync(shop.IssueOfflineToken(false).AccessToken, "{ shop { name } checkouts(first: 1) { nodes { id } } }");

        Assert.Equal(200, status);
        Assert.False(body.ContainsKey("data"));
        var error = Assert.Single(body["errors"]!.AsArray())!;
        Assert.Equal("Field 'checkouts' doesn't exist on type 'QueryRoot'", error["message"]!.GetValue<string>());
        Assert.Equal("undefinedField", error["extensions"]!["code"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("UPDATED_AT", "Variable $sortKey of type AbandonedCheckoutSortKeys was provided invalid value")]
    [InlineData("CREATED_AT", null)]
    public async Task AbandonedCheckouts_SortKey_AcceptsOnlyDocumentedValues(string sortKey, string? expectedError)
    {
        await using var shop = await ShopifyEmulator.StartAsync();
        using var http = new EmulatorHttp(shop);
        const string query = "query($sortKey: AbandonedCheckoutSortKeys) { abandonedCheckouts(first: 5, sortKey: $sortKey) { nodes { id } } }";

        var (_, body) = await http.GraphQlAsync(shop.IssueOfflineToken(false).AccessToken, query, new JsonObject { ["sortKey"] = sortKey });

        Assert.Equal(expectedError, body["errors"]?[0]?["message"]?.GetValue<string>());
    }

    [Theory]
    [InlineData("{ abandonedCheckouts(first: 251) { nodes { id } } }", "first cannot exceed 250")]
    [InlineData("{ abandonedCheckouts { nodes { id } } }", "you must provide one of first or last")]
    [InlineData("{ shop }", "Field must have selections (field 'shop' returns Shop but has no selections. Did you mean 'shop { ... }'?)")]
    [InlineData("{ shop { name { x } } }", "Selections can't be made on scalars (field 'name' returns String but has selections [x])")]
    [InlineData("query($ids: [ID!]!) { nodes(ids: $ids) { id image { url } } }", "Field 'image' doesn't exist on type 'Node'")]
    [InlineData("{ shop { name ", "Unexpected end of document")]
    [InlineData("{ abandonedCheckouts(first: 1, sort: ID) { nodes { id } } }", "Field 'abandonedCheckouts' doesn't accept argument 'sort'")]
    [InlineData("mutation { webhookSubscriptionCreate(webhookSubscription: { uri: \"https://a.example\" }) { userErrors { message } } }",
        "Field 'webhookSubscriptionCreate' is missing required arguments: topic")]
    public async Task GraphQl_WithInvalidDocument_AnswersGraphQlError(string query, string message)
    {
        await using var shop = await ShopifyEmulator.StartAsync();
        using var http = new EmulatorHttp(shop);

        var (status, body) = await http.GraphQlAsync(shop.IssueOfflineToken(false).AccessToken, query, new JsonObject { ["ids"] = new JsonArray() });

        Assert.Equal(200, status);
        Assert.Equal(message, body["errors"]![0]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task GraphQl_WhenNestedConnectionsMultiplyPastTheCap_AnswersMaxCostExceeded()
    {
        await using var shop = await ShopifyEmulator.StartAsync();
        using var http = new EmulatorHttp(shop);
        const string query = "{ abandonedCheckouts(first: 50) { nodes { id lineItems(first: 250) { nodes { title variant { id } } } } } }";

        var (_, body) = await http.GraphQlAsync(shop.IssueOfflineToken(false).AccessToken, query);

        var error = body["errors"]![0]!;
        Assert.Equal("MAX_COST_EXCEEDED", error["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal(2 + (50 * (1 + 2 + (250 * 2))), error["extensions"]!["cost"]!.GetValue<int>());
    }

    [Fact]
    public async Task Nodes_WithVariantIds_ReturnsImagesThroughInlineFragmentAndNullForUnknown()
    {
        await using var shop = await ShopifyEmulator.StartAsync();
        using var http = new EmulatorHttp(shop);
        shop.AddVariant(new ShopifyEmulatorLine(555, 777, "Mug", ImageUrl: "https://cdn.example/mug.jpg"));
        const string query = """
            query Images($ids: [ID!]!) {
              nodes(ids: $ids) { __typename id ... on ProductVariant { image { url } product { featuredMedia { preview { image { url } } } } } }
            }
            """;

        var (_, body) = await http.GraphQlAsync(shop.IssueOfflineToken(false).AccessToken, query,
            new JsonObject { ["ids"] = new JsonArray("gid://shopify/ProductVariant/555", "gid://shopify/ProductVariant/556") });

        var nodes = body["data"]!["nodes"]!.AsArray();
        Assert.Equal("ProductVariant", nodes[0]!["__typename"]!.GetValue<string>());
        Assert.Equal("https://cdn.example/mug.jpg", nodes[0]!["image"]!["url"]!.GetValue<string>());
        Assert.Null(nodes[1]);
    }

    [Fact]
    public async Task FailNext_WithStatus_FailsThatManyRequestsThenServesAgain()
    {
        await using var shop = await ShopifyEmulator.StartAsync();
        using var http = new EmulatorHttp(shop);
        var token = shop.IssueOfflineToken(false).AccessToken;
        shop.FailNext(2, 502);

        var statuses = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await http.GraphQlAsync(token, "{ shop { name } }")).Status);
        }

        Assert.Equal([502, 502, 200], statuses);
    }

    [Fact]
    public async Task ThrottleNext_ForcesThrottledWithoutCharging()
    {
        await using var shop = await ShopifyEmulator.StartAsync();
        using var http = new EmulatorHttp(shop);
        var token = shop.IssueOfflineToken(false).AccessToken;
        shop.ThrottleNext(1);

        var throttled = await http.GraphQlAsync(token, "{ shop { name } }");
        var served = await http.GraphQlAsync(token, "{ shop { name } }");

        Assert.Equal("THROTTLED", throttled.Body["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal(2000, throttled.Body["extensions"]!["cost"]!["throttleStatus"]!["currentlyAvailable"]!.GetValue<int>());
        Assert.Equal(shop.ShopName, served.Body["data"]!["shop"]!["name"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("2026-13", 404)]
    [InlineData("latest", 404)]
    [InlineData("unstable", 200)]
    public async Task GraphQl_ApiVersionInPath_MustBeYearMonthOrUnstable(string version, int expected)
    {
        await using var shop = await ShopifyEmulator.StartAsync();
        using var http = new EmulatorHttp(shop);

        var (status, _) = await http.GraphQlAsync(shop.IssueOfflineToken(false).AccessToken, "{ shop { name } }", version: version);

        Assert.Equal(expected, status);
    }

    [Fact]
    public async Task WebhookSubscriptionCreate_WithSameTopicAndAddress_ReturnsTakenUserError()
    {
        await using var shop = await ShopifyEmulator.StartAsync();
        using var http = new EmulatorHttp(shop);
        var token = shop.IssueOfflineToken(false).AccessToken;
        const string mutation = """
            mutation Subscribe($topic: WebhookSubscriptionTopic!, $sub: WebhookSubscriptionInput!) {
              webhookSubscriptionCreate(topic: $topic, webhookSubscription: $sub) { webhookSubscription { id topic uri } userErrors { field message } }
            }
            """;
        var variables = new JsonObject { ["topic"] = "CHECKOUTS_CREATE", ["sub"] = new JsonObject { ["uri"] = "https://app.example/webhooks", ["format"] = "JSON" } };

        var first = await http.GraphQlAsync(token, mutation, variables);
        var again = await http.GraphQlAsync(token, mutation, variables.DeepClone().AsObject());

        Assert.Equal("CHECKOUTS_CREATE", first.Body["data"]!["webhookSubscriptionCreate"]!["webhookSubscription"]!["topic"]!.GetValue<string>());
        var error = again.Body["data"]!["webhookSubscriptionCreate"]!["userErrors"]![0]!;
        Assert.Equal("Address for this topic has already been taken", error["message"]!.GetValue<string>());
        Assert.Equal("checkouts/create", Assert.Single(shop.WebhookSubscriptions).TopicHeader);
    }

    [Fact]
    public async Task DiscountCodeBasicCreate_WithPercentageAsWholeNumber_ReturnsValueOutsideRange()
    {
        await using var shop = await ShopifyEmulator.StartAsync();
        using var http = new EmulatorHttp(shop);
        const string mutation = """
            mutation($input: DiscountCodeBasicInput!) { discountCodeBasicCreate(basicCodeDiscount: $input) { codeDiscountNode { id } userErrors { field code message } } }
            """;
        var input = new JsonObject
        {
            ["input"] = new JsonObject
            {
                ["title"] = "Ten",
                ["code"] = "TEN",
                ["startsAt"] = "2026-01-01T00:00:00Z",
                ["customerGets"] = new JsonObject { ["value"] = new JsonObject { ["percentage"] = 10 }, ["items"] = new JsonObject { ["all"] = true } },
            },
        };

        var (_, body) = await http.GraphQlAsync(shop.IssueOfflineToken(false).AccessToken, mutation, input);

        Assert.Equal("VALUE_OUTSIDE_RANGE", body["data"]!["discountCodeBasicCreate"]!["userErrors"]![0]!["code"]!.GetValue<string>());
        Assert.Empty(shop.Discounts);
    }
}
