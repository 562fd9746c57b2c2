using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using CartRecovery.Testing.Emulators.Shopify;
using Microsoft.Extensions.Time.Testing;
using static CartRecovery.Connectors.Tests.Shopify.Emulator.ShopifyOAuthRequests;

namespace CartRecovery.Connectors.Tests.Shopify.Emulator;

/// <summary>
/// The emulator checked against Shopify's documented contract. Signatures are re-computed here with an
/// independent implementation of the documented algorithms, so a bug in the emulator's signing fails a test.
/// </summary>
public sealed class ShopifyEmulatorTests
{
    private static readonly DateTimeOffset T0 = FixtureTime.Now;

    private const string CheckoutsQuery = """
        query Checkouts($first: Int!, $after: String, $query: String, $sortKey: AbandonedCheckoutSortKeys) {
          abandonedCheckouts(first: $first, after: $after, query: $query, sortKey: $sortKey) {
            edges { cursor node { id updatedAt } }
            pageInfo { hasNextPage endCursor }
          }
        }
        """;

    [Fact]
    public async Task BuildInstallUrl_WhenCheckedWithShopifyAlgorithm_HmacMatches()
    {
        await using var shop = await ShopifyEmulator.StartAsync();

        var url = shop.BuildInstallUrl(new Uri("https://app.example/shopify/install"));

        var query = ParseQuery(url);
        Assert.Equal(shop.ShopDomain, query["shop"]);
        Assert.True(long.TryParse(query["timestamp"], out _));
        Assert.Equal("admin.shopify.com/store/cartrecovery-test", DecodeHost(query["host"]));
        Assert.Equal(ShopifyHexHmac(query, shop.ClientSecret), query["hmac"]);
        Assert.NotEqual(ShopifyHexHmac(new(query) { ["shop"] = "evil.myshopify.com" }, shop.ClientSecret), query["hmac"]);
    }

    [Fact]
    public async Task Authorize_WithKnownClient_RedirectsToCallbackWithValidHmacAndState()
    {
        await using var shop = await ShopifyEmulator.StartAsync();
        using var http = new EmulatorHttp(shop);

        using var response = await http.GetAsync(AuthorizeUrl(shop, state: "nonce-123"));

        Assert.Equal(302, (int)response.StatusCode);
        var callback = response.Headers.Location!;
        Assert.Equal("https://app.example/shopify/callback", callback.GetLeftPart(UriPartial.Path));
        var query = ParseQuery(callback);
        Assert.Equal("nonce-123", query["state"]);
        Assert.Equal(shop.ShopDomain, query["shop"]);
        Assert.False(string.IsNullOrEmpty(query["code"]));
        Assert.Equal(ShopifyHexHmac(query, shop.ClientSecret), query["hmac"]);
    }

    [Fact]
    public async Task AccessToken_WhenCodeIsUsedTwice_SecondExchangeIsRejected()
    {
        await using var shop = await ShopifyEmulator.StartAsync();
        using var http = new EmulatorHttp(shop);
        var code = await AuthorizeCodeAsync(shop, http);

        var first = await http.TokenAsync(TokenRequest(shop, code));
        var second = await http.TokenAsync(TokenRequest(shop, code));

        Assert.Equal(200, first.Status);
        Assert.StartsWith("shpat_", first.Body["access_token"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("read_orders,write_discounts", first.Body["scope"]!.GetValue<string>());
        Assert.False(first.Body.ContainsKey("refresh_token"));
        Assert.Equal(400, second.Status);
        Assert.Equal("invalid_request", second.Body["error"]!.GetValue<string>());
        Assert.Equal("The authorization code was not found or was already used", second.Body["error_description"]!.GetValue<string>());
    }

    [Fact]
    public async Task AccessToken_WhenExpiringTokenIsRefreshed_RotatesBothTokensAndRetiresTheOldOnes()
    {
        await using var shop = await ShopifyEmulator.StartAsync();
        using var http = new EmulatorHttp(shop);
        var code = await AuthorizeCodeAsync(shop, http);

        var issued = await http.TokenAsync(TokenRequest(shop, code, expiring: true));
        var oldAccess = issued.Body["access_token"]!.GetValue<string>();
        var oldRefresh = issued.Body["refresh_token"]!.GetValue<string>();
        var refreshed = await http.TokenAsync(RefreshRequest(shop, oldRefresh));
        var newAccess = refreshed.Body["access_token"]!.GetValue<string>();
        var newRefresh = refreshed.Body["refresh_token"]!.GetValue<string>();

        Assert.Equal(3600, issued.Body["expires_in"]!.GetValue<int>());
        Assert.Equal(7_776_000, issued.Body["refresh_token_expires_in"]!.GetValue<int>());
        Assert.Equal(200, refreshed.Status);
        Assert.NotEqual(oldAccess, newAccess);
        Assert.NotEqual(oldRefresh, newRefresh);
        Assert.Equal(401, (await http.GraphQlAsync(oldAccess, "{ shop { name } }")).Status);
        Assert.Equal(200, (await http.GraphQlAsync(newAccess, "{ shop { name } }")).Status);

        // The replaced refresh token still works until its replacement is used (changelog 2026-08-28)...
        var retry = await http.TokenAsync(RefreshRequest(shop, oldRefresh));
        Assert.Equal(200, retry.Status);
        var fromReplacement = await http.TokenAsync(RefreshRequest(shop, retry.Body["refresh_token"]!.GetValue<string>()));
        Assert.Equal(200, fromReplacement.Status);

        // ...and is retired once the replacement has been used.
        var stale = await http.TokenAsync(RefreshRequest(shop, oldRefresh));
        Assert.Equal(400, stale.Status);
        Assert.Equal("invalid_grant", stale.Body["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task GraphQl_WithoutAccessToken_Returns401WithShopifyMessage()
    {
        await using var shop = await ShopifyEmulator.StartAsync();
        using var http = new EmulatorHttp(shop);

        var (status, body) = await http.GraphQlAsync(token: null, "{ shop { name } }");

        Assert.Equal(401, status);
        Assert.Equal("[API] Invalid API key or access token (unrecognized login or wrong password)", body["errors"]!.GetValue<string>());
    }

    [Fact]
    public async Task AbandonedCheckouts_WithUpdatedAtFilter_PagesThroughThreePagesOfMatchesOnly()
    {
        await using var shop = await ShopifyEmulator.StartAsync();
        using var http = new EmulatorHttp(shop);
        var token = shop.IssueOfflineToken(expiring: false).AccessToken;
        for (var id = 1L; id <= 7; id++)
        {
            // Ids 1 and 2 were last updated before the watermark; 3..7 at or after it.
            shop.AddCheckout(new ShopifyEmulatorCheckout { Id = id, Email = $"buyer{id}@example.com", UpdatedAt = T0.AddMinutes(id - 3) });
        }

        var seen = new List<string>();
        var hasNext = new List<bool>();
        string? after = null;
        do
        {
            var (status, body) = await http.GraphQlAsync(token, CheckoutsQuery, new JsonObject
            {
                ["first"] = 2,
                ["after"] = after,
                ["query"] = $"updated_at:>='{T0:yyyy-MM-ddTHH:mm:ssZ}'",
                ["sortKey"] = "ID",
            });
            Assert.Equal(200, status);
            var connection = body["data"]!["abandonedCheckouts"]!;
            seen.AddRange(connection["edges"]!.AsArray().Select(e => e!["node"]!["id"]!.GetValue<string>()));
            hasNext.Add(connection["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
            after = connection["pageInfo"]!["endCursor"]?.GetValue<string>();
        }
        while (hasNext[^1]);

        Assert.Equal([true, true, false], hasNext);
        Assert.Equal([3L, 4, 5, 6, 7], seen.Select(gid => long.Parse(gid.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.All(seen, gid => Assert.StartsWith("gid://shopify/AbandonedCheckout/", gid, StringComparison.Ordinal));
    }

    [Fact]
    public async Task GraphQl_WhenBucketIsEmpty_AnswersThrottledThenSucceedsOnceTheClockHasRefilledIt()
    {
        var time = new FakeTimeProvider(T0);
        await using var shop = await ShopifyEmulator.StartAsync(new ShopifyEmulatorOptions { TimeProvider = time, MaximumAvailable = 20, RestoreRate = 10 });
        using var http = new EmulatorHttp(shop);
        var token = shop.IssueOfflineToken(expiring: false).AccessToken;
        for (var id = 1L; id <= 10; id++)
        {
            shop.AddCheckout(new ShopifyEmulatorCheckout { Id = id, Email = "a@example.com" });
        }

        var variables = new JsonObject { ["first"] = 10 };
        var first = await http.GraphQlAsync(token, CheckoutsQuery, variables);
        var throttled = await http.GraphQlAsync(token, CheckoutsQuery, variables.DeepClone().AsObject());

        var cost = first.Body["extensions"]!["cost"]!;
        var requested = cost["requestedQueryCost"]!.GetValue<int>();
        Assert.Equal(2 + (10 * 1), requested);
        Assert.Equal(requested, cost["actualQueryCost"]!.GetValue<int>());
        Assert.Equal(20 - requested, cost["throttleStatus"]!["currentlyAvailable"]!.GetValue<int>());
        Assert.Equal(200, throttled.Status);
        Assert.False(throttled.Body.ContainsKey("data"));
        Assert.Equal("Throttled", throttled.Body["errors"]![0]!["message"]!.GetValue<string>());
        Assert.Equal("THROTTLED", throttled.Body["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Null(throttled.Body["extensions"]!["cost"]!["actualQueryCost"]);
        Assert.Equal(20 - requested, throttled.Body["extensions"]!["cost"]!["throttleStatus"]!["currentlyAvailable"]!.GetValue<int>());

        // Shopify's advice: wait (requested - available) / restoreRate seconds.
        time.Advance(TimeSpan.FromSeconds((requested - (20 - requested)) / 10.0));
        var retried = await http.GraphQlAsync(token, CheckoutsQuery, variables.DeepClone().AsObject());

        Assert.Equal(10, retried.Body["data"]!["abandonedCheckouts"]!["edges"]!.AsArray().Count);
    }

    [Fact]
    public async Task SendWebhookAsync_SignsTheRawBody_HeaderIsBase64HmacWithClientSecret()
    {
        await using var shop = await ShopifyEmulator.StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        shop.AddCheckout(new ShopifyEmulatorCheckout { Id = 42, Email = "anna@example.com", Lines = [new(101, 201, "Linen shirt", "Blue / M", Quantity: 2)] });
        var body = shop.CheckoutPayload(42);

        using var response = await shop.SendWebhookAsync(receiver.Url, "checkouts/create", body, webhookId: "wh-1");

        Assert.Equal(200, (int)response.StatusCode);
        var (headers, raw) = Assert.Single(receiver.Received);
        var expected = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(shop.ClientSecret), raw));
        Assert.Equal(expected, headers["X-Shopify-Hmac-Sha256"].ToString());
        Assert.Equal(body, Encoding.UTF8.GetString(raw));
        Assert.Equal("checkouts/create", headers["X-Shopify-Topic"].ToString());
        Assert.Equal(shop.ShopDomain, headers["X-Shopify-Shop-Domain"].ToString());
        Assert.Equal("wh-1", headers["X-Shopify-Webhook-Id"].ToString());
        Assert.False(string.IsNullOrEmpty(headers["X-Shopify-Event-Id"].ToString()));
        Assert.True(DateTimeOffset.TryParse(headers["X-Shopify-Triggered-At"].ToString(), System.Globalization.CultureInfo.InvariantCulture, out _));
        Assert.StartsWith("application/json", headers.ContentType.ToString(), StringComparison.Ordinal);
        Assert.Equal(200, Assert.Single(shop.DeliveredWebhooks).StatusCode);
    }

    [Fact]
    public async Task DiscountCodeBasicCreate_WithCodeAlreadyTaken_ReturnsTakenUserErrorAndNoNode()
    {
        await using var shop = await ShopifyEmulator.StartAsync();
        using var http = new EmulatorHttp(shop);
        var token = shop.IssueOfflineToken(expiring: true).AccessToken;
        const string mutation = """
            mutation Create($input: DiscountCodeBasicInput!) {
              discountCodeBasicCreate(basicCodeDiscount: $input) {
                codeDiscountNode { id codeDiscount { ... on DiscountCodeBasic { title codes(first: 1) { nodes { code } } } } }
                userErrors { field code message }
              }
            }
            """;
        JsonObject Input(string code) => new()
        {
            ["input"] = new JsonObject
            {
                ["title"] = "Come back 10%",
                ["code"] = code,
                ["startsAt"] = "2026-11-22T17:00:00Z",
                ["usageLimit"] = 1,
                ["appliesOncePerCustomer"] = true,
                ["context"] = new JsonObject { ["customers"] = new JsonObject { ["add"] = new JsonArray("gid://shopify/Customer/1") } },
                ["customerGets"] = new JsonObject
                {
                    ["value"] = new JsonObject { ["percentage"] = 0.1 },
                    ["items"] = new JsonObject { ["all"] = true },
                },
            },
        };

        var created = await http.GraphQlAsync(token, mutation, Input("CR-7F3K9Q"));
        var duplicate = await http.GraphQlAsync(token, mutation, Input("cr-7f3k9q"));

        var node = created.Body["data"]!["discountCodeBasicCreate"]!["codeDiscountNode"]!;
        Assert.Equal("CR-7F3K9Q", node["codeDiscount"]!["codes"]!["nodes"]![0]!["code"]!.GetValue<string>());
        var payload = duplicate.Body["data"]!["discountCodeBasicCreate"]!;
        Assert.Null(payload["codeDiscountNode"]);
        var error = Assert.Single(payload["userErrors"]!.AsArray())!;
        Assert.Equal("TAKEN", error["code"]!.GetValue<string>());
        Assert.Equal(["basicCodeDiscount", "code"], error["field"]!.AsArray().Select(f => f!.GetValue<string>()));
        var recorded = Assert.Single(shop.Discounts);
        Assert.Equal(0.1m, recorded.Percentage);
        Assert.Equal(["gid://shopify/Customer/1"], recorded.CustomerIds);
    }
}
