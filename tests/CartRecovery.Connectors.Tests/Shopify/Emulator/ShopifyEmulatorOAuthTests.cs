using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using CartRecovery.Testing.Emulators.Shopify;
using Microsoft.Extensions.Time.Testing;
using static CartRecovery.Connectors.Tests.Shopify.Emulator.ShopifyOAuthRequests;

namespace CartRecovery.Connectors.Tests.Shopify.Emulator;

/// <summary>OAuth and token lifetimes beyond the happy path.</summary>
public sealed class ShopifyEmulatorOAuthTests
{
    [Fact]
    public async Task Authorize_WithUnknownClientId_ShowsOAuthErrorInsteadOfRedirecting()
    {
        await using var shop = await ShopifyEmulator.StartAsync();
        using var http = new EmulatorHttp(shop);

        using var response = await http.GetAsync(AuthorizeUrl(shop, "s", clientId: "someone-else"));

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task AccessToken_WithWrongClientSecret_Returns400AndKeepsTheCodeUsable()
    {
        await using var shop = await ShopifyEmulator.StartAsync();
        using var http = new EmulatorHttp(shop);
        var code = await AuthorizeCodeAsync(shop, http);

        var wrong = await http.TokenAsync(TokenRequest(shop, code, secret: "guess"));
        var right = await http.TokenAsync(TokenRequest(shop, code));

        Assert.Equal(400, wrong.Status);
        Assert.True(wrong.Body.ContainsKey("error") && wrong.Body.ContainsKey("error_description"));
        Assert.Equal(200, right.Status);
    }

    [Fact]
    public async Task AccessToken_WithFormBody_IsAcceptedLikeJson()
    {
        await using var shop = await ShopifyEmulator.StartAsync();
        using var http = new EmulatorHttp(shop);
        var code = await AuthorizeCodeAsync(shop, http);
        using var client = new HttpClient();

        using var response = await client.PostAsync(new Uri(shop.BaseUrl, "admin/oauth/access_token"), new FormUrlEncodedContent(
            new Dictionary<string, string> { ["client_id"] = shop.ClientId, ["client_secret"] = shop.ClientSecret, ["code"] = code, ["expiring"] = "1" }),
            TestContext.Current.CancellationToken);

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        Assert.Equal(200, (int)response.StatusCode);
        Assert.NotNull(body["refresh_token"]);
    }

    [Fact]
    public async Task IssuedExpiringToken_AfterAnHour_IsRejectedUntilRefreshed()
    {
        var time = new FakeTimeProvider(FixtureTime.Now);
        await using var shop = await ShopifyEmulator.StartAsync(new ShopifyEmulatorOptions { TimeProvider = time });
        using var http = new EmulatorHttp(shop);
        var token = shop.IssueOfflineToken(expiring: true);

        Assert.Equal(time.GetUtcNow().AddHours(1), token.ExpiresAt);
        time.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(200, (await http.GraphQlAsync(token.AccessToken, "{ shop { name } }")).Status);
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(401, (await http.GraphQlAsync(token.AccessToken, "{ shop { name } }")).Status);

        var refreshed = await http.TokenAsync(RefreshRequest(shop, token.RefreshToken!));
        Assert.Equal(200, (await http.GraphQlAsync(refreshed.Body["access_token"]!.GetValue<string>(), "{ shop { name } }")).Status);
    }

    [Fact]
    public async Task ExpireAccessTokens_MakesGraphQlAnswer401ButLeavesNonExpiringTokens()
    {
        await using var shop = await ShopifyEmulator.StartAsync();
        using var http = new EmulatorHttp(shop);
        var expiring = shop.IssueOfflineToken(expiring: true).AccessToken;
        var permanent = shop.IssueOfflineToken(expiring: false).AccessToken;

        shop.ExpireAccessTokens();

        Assert.Equal(401, (await http.GraphQlAsync(expiring, "{ shop { name } }")).Status);
        Assert.Equal(200, (await http.GraphQlAsync(permanent, "{ shop { name } }")).Status);
    }

    [Fact]
    public async Task TokenExchange_OfNonExpiringToken_IssuesExpiringPairAndRevokesTheOldToken()
    {
        await using var shop = await ShopifyEmulator.StartAsync();
        using var http = new EmulatorHttp(shop);
        var old = shop.IssueOfflineToken(expiring: false).AccessToken;

        var (status, body) = await http.TokenAsync(new JsonObject
        {
            ["client_id"] = shop.ClientId,
            ["client_secret"] = shop.ClientSecret,
            ["grant_type"] = "urn:ietf:params:oauth:grant-type:token-exchange",
            ["subject_token"] = old,
            ["subject_token_type"] = "urn:shopify:params:oauth:token-type:offline-access-token",
            ["requested_token_type"] = "urn:shopify:params:oauth:token-type:offline-access-token",
            ["expiring"] = "1",
        });

        Assert.Equal(200, status);
        Assert.Equal(3600, body["expires_in"]!.GetValue<int>());
        Assert.Equal(401, (await http.GraphQlAsync(old, "{ shop { name } }")).Status);
    }

    [Fact]
    public async Task GraphQl_WithWrongContentType_Returns400RequiredParameter()
    {
        await using var shop = await ShopifyEmulator.StartAsync();
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, shop.GraphQlUrl())
        {
            Content = new StringContent("query=%7Bshop%7Bname%7D%7D", new MediaTypeHeaderValue("application/x-www-form-urlencoded")),
        };
        request.Headers.Add("X-Shopify-Access-Token", shop.IssueOfflineToken(false).AccessToken);

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal("Required parameter missing or invalid", JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!["errors"]!["query"]!.GetValue<string>());
        Assert.Contains(shop.Requests, r => r.Path == "/admin/api/2026-07/graphql.json" && r.Header("x-shopify-access-token") is not null);
    }
}
