using System.Text.Json.Nodes;
using CartRecovery.Testing.Emulators.Shopify;
using Microsoft.Extensions.Time.Testing;

namespace CartRecovery.Connectors.Tests.Shopify.Emulator;

/// <summary>
/// Token exchange as shopify.dev documents it (.../access-tokens/token-exchange): every parameter is checked, and a
/// refusal is the OAuth error shape {"error","error_description"} with 400.
/// </summary>
public sealed class ShopifyEmulatorTokenExchangeTests
{
    private static readonly DateTimeOffset Now = FixtureTime.Now;

    private static JsonObject Exchange(ShopifyEmulator shop, string subjectToken) => new()
    {
        ["client_id"] = shop.ClientId,
        ["client_secret"] = shop.ClientSecret,
        ["grant_type"] = "urn:ietf:params:oauth:grant-type:token-exchange",
        ["subject_token"] = subjectToken,
        ["subject_token_type"] = "urn:ietf:params:oauth:token-type:id_token",
        ["requested_token_type"] = "urn:shopify:params:oauth:token-type:offline-access-token",
        ["expiring"] = "1",
    };

    [Fact]
    public async Task AccessToken_ExchangingAValidSessionToken_GrantsAnExpiringOfflineTokenThatWorks()
    {
        await using var shop = await ShopifyEmulator.StartAsync(new ShopifyEmulatorOptions { TimeProvider = new FakeTimeProvider(Now) });
        using var http = new EmulatorHttp(shop);

        var (status, body) = await http.TokenAsync(Exchange(shop, shop.MintSessionToken()));

        Assert.Equal(200, status);
        Assert.Equal(3600, body["expires_in"]!.GetValue<int>());
        Assert.StartsWith("shprt_", body["refresh_token"]!.GetValue<string>(), StringComparison.Ordinal);
        var (graphQlStatus, _) = await http.GraphQlAsync(body["access_token"]!.GetValue<string>(), "{ shop { name } }");
        Assert.Equal(200, graphQlStatus);
    }

    public static TheoryData<string, string, string?, string> BrokenExchanges() => new()
    {
        { "wrong grant type", "grant_type", "authorization_code", "invalid_request" },
        { "no subject token type", "subject_token_type", null, "invalid_subject_token_type" },
        { "access token as subject type", "subject_token_type", "urn:ietf:params:oauth:token-type:access_token", "invalid_subject_token_type" },
        { "no requested token type", "requested_token_type", null, "invalid_request" },
        { "unknown requested token type", "requested_token_type", "urn:ietf:params:oauth:token-type:access_token", "invalid_request" },
        { "garbage subject token", "subject_token", "not-a-jwt", "invalid_subject_token" },
        { "no subject token", "subject_token", null, "invalid_subject_token" },
        { "wrong client secret", "client_secret", "guess", "invalid_client" },
    };

    [Theory]
    [MemberData(nameof(BrokenExchanges))]
    public async Task AccessToken_ExchangeWithABadParameter_Returns400WithTheOAuthErrorShape(string because, string field, string? value, string error)
    {
        await using var shop = await ShopifyEmulator.StartAsync(new ShopifyEmulatorOptions { TimeProvider = new FakeTimeProvider(Now) });
        using var http = new EmulatorHttp(shop);
        var request = Exchange(shop, shop.MintSessionToken());
        request[field] = value;

        var (status, body) = await http.TokenAsync(request);

        Assert.True(status == 400, because);
        Assert.Equal(error, body["error"]?.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(body["error_description"]?.GetValue<string>()));
        Assert.Null(body["access_token"]);
    }

    public static TheoryData<string, Func<ShopifyEmulator, string>> BadSessionTokens() => new()
    {
        { "signed with another secret", s => ShopifySessionTokens.Sign(ShopifySessionTokens.Claims(s.ClientId, s.ShopDomain, "1", Now), "other") },
        { "for another app", s => ShopifySessionTokens.Sign(ShopifySessionTokens.Claims("other-app", s.ShopDomain, "1", Now), s.ClientSecret) },
        { "for another shop", s => ShopifySessionTokens.Sign(ShopifySessionTokens.Claims(s.ClientId, "other.myshopify.com", "1", Now), s.ClientSecret) },
        { "expired", s => ShopifySessionTokens.Sign(ShopifySessionTokens.Claims(s.ClientId, s.ShopDomain, "1", Now.AddMinutes(-1)), s.ClientSecret) },
        { "not valid yet", s => ShopifySessionTokens.Sign(ShopifySessionTokens.Claims(s.ClientId, s.ShopDomain, "1", Now.AddSeconds(1)), s.ClientSecret) },
        { "alg none", s => ShopifySessionTokens.Sign(ShopifySessionTokens.Claims(s.ClientId, s.ShopDomain, "1", Now), s.ClientSecret, "none") },
    };

    [Theory]
    [MemberData(nameof(BadSessionTokens))]
    public async Task AccessToken_ExchangingASessionTokenShopifyWouldNotAccept_ReturnsInvalidSubjectToken(string because, Func<ShopifyEmulator, string> token)
    {
        await using var shop = await ShopifyEmulator.StartAsync(new ShopifyEmulatorOptions { TimeProvider = new FakeTimeProvider(Now) });
        using var http = new EmulatorHttp(shop);

        var (status, body) = await http.TokenAsync(Exchange(shop, token(shop)));

        Assert.True(status == 400, because);
        Assert.Equal("invalid_subject_token", body["error"]?.GetValue<string>());
    }

    [Fact]
    public async Task AccessToken_ExchangeForAnOnlineToken_GrantsAUserTokenWithoutRefreshToken()
    {
        await using var shop = await ShopifyEmulator.StartAsync(new ShopifyEmulatorOptions { TimeProvider = new FakeTimeProvider(Now) });
        using var http = new EmulatorHttp(shop);
        var request = Exchange(shop, shop.MintSessionToken());
        request["requested_token_type"] = "urn:shopify:params:oauth:token-type:online-access-token";

        var (status, body) = await http.TokenAsync(request);

        Assert.Equal(200, status);
        Assert.StartsWith("shpua_", body["access_token"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(body["refresh_token"]);
    }
}
