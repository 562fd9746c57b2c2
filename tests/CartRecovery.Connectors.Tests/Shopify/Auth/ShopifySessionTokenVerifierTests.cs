using System.Buffers.Text;
using System.Text;
using System.Text.Json.Nodes;
using CartRecovery.Connectors.Shopify.Auth;
using CartRecovery.Testing;
using CartRecovery.Testing.Emulators.Shopify;

namespace CartRecovery.Connectors.Tests.Shopify.Auth;

public sealed class ShopifySessionTokenVerifierTests
{
    private const string Secret = "client-secret";

    private static ShopifySessionTokenVerifier Verifier(ShopifyTestKit kit) => new(kit.OptionsAccessor, kit.Time);

    private static JsonObject Claims(DateTimeOffset? issuedAt = null) =>
        ShopifySessionTokens.Claims("client-id", ShopifyTestKit.Shop, "42", issuedAt ?? FixtureTime.Now.AddSeconds(-10));

    private static string Token(JsonObject claims, string secret = Secret, string alg = "HS256") => ShopifySessionTokens.Sign(claims, secret, alg);

    [Fact]
    public void Verify_ValidToken_ReturnsShopAndUser()
    {
        using var kit = new ShopifyTestKit(_ => throw new InvalidOperationException("no HTTP"));
        var token = Token(Claims());

        var check = Verifier(kit).Verify(token);

        Assert.True(check.IsValid, check.Failure);
        Assert.Equal(ShopifyTestKit.Shop, check.Token!.Shop);
        Assert.Equal("42", check.Token.UserId);
        Assert.Equal(token, check.Token.Raw);
        Assert.DoesNotContain(token, check.Token.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_UpperCaseShop_ReturnsLowerCaseShop()
    {
        using var kit = new ShopifyTestKit(_ => throw new InvalidOperationException("no HTTP"));
        var claims = Claims();
        claims["dest"] = "https://Maple-Goods.myshopify.com";
        claims["iss"] = "https://MAPLE-GOODS.myshopify.com/admin";

        var check = Verifier(kit).Verify(Token(claims));

        Assert.Equal(ShopifyTestKit.Shop, check.Token?.Shop);
    }

    public static TheoryData<string, string> RefusedTokens()
    {
        var data = new TheoryData<string, string>();
        void Add(string name, Func<JsonObject, JsonObject> change, string secret = Secret, string alg = "HS256") =>
            data.Add(name, Token(change(Claims()), secret, alg));

        Add("expired beyond the skew", c => Set(c, "exp", FixtureTime.Now.AddSeconds(-6).ToUnixTimeSeconds()));
        Add("not valid yet beyond the skew", c => Set(c, "nbf", FixtureTime.Now.AddSeconds(6).ToUnixTimeSeconds()));
        Add("no exp", c => Remove(c, "exp"));
        Add("exp as a string", c => Set(c, "exp", "9999999999"));
        Add("no nbf", c => Remove(c, "nbf"));
        Add("wrong audience", c => Set(c, "aud", "another-app"));
        Add("audience as an array", c => Set(c, "aud", new JsonArray("client-id")));
        Add("dest of another shop than iss", c => Set(c, "dest", "https://other-shop.myshopify.com"));
        Add("iss of another shop than dest", c => Set(c, "iss", "https://other-shop.myshopify.com/admin"));
        Add("dest not on myshopify.com", c => Set(Set(c, "dest", "https://maple-goods.example.com"), "iss", "https://maple-goods.example.com/admin"));
        Add("dest over http", c => Set(Set(c, "dest", $"http://{ShopifyTestKit.Shop}"), "iss", $"http://{ShopifyTestKit.Shop}/admin"));
        Add("dest with a port", c => Set(Set(c, "dest", $"https://{ShopifyTestKit.Shop}:8443"), "iss", $"https://{ShopifyTestKit.Shop}:8443/admin"));
        Add("dest with a path", c => Set(c, "dest", $"https://{ShopifyTestKit.Shop}/evil"));
        Add("iss not the admin", c => Set(c, "iss", $"https://{ShopifyTestKit.Shop}/"));
        Add("no sub", c => Remove(c, "sub"));
        Add("empty sub", c => Set(c, "sub", " "));
        Add("wrong signature", c => c, secret: "another-secret");
        Add("HS512", c => c, alg: "HS512");
        Add("alg none", c => c, alg: "none");

        var valid = Token(Claims());
        var parts = valid.Split('.');
        var tampered = Claims();
        tampered["sub"] = "1";
        data.Add("tampered payload", $"{parts[0]}.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(tampered.ToJsonString()))}.{parts[2]}");
        var noneHeader = Base64Url.EncodeToString("""{"alg":"none","typ":"JWT"}"""u8);
        data.Add("alg none keeping the HS256 signature", $"{noneHeader}.{parts[1]}.{parts[2]}");
        data.Add("signature dropped", $"{parts[0]}.{parts[1]}.");
        data.Add("garbage", "not a token");
        data.Add("empty", "");
        data.Add("four parts", valid + ".x");
        data.Add("bad base64", $"{parts[0]}.{parts[1]}.!!!!");
        data.Add("header not JSON", $"{Base64Url.EncodeToString("{"u8)}.{parts[1]}.{parts[2]}");
        data.Add("payload an array, signed", SignRaw("[1,2]"));
        data.Add("payload not JSON, signed", SignRaw("{\"sub\":"));
        data.Add("deeply nested payload, signed", SignRaw(new string('[', 5000) + new string(']', 5000)));
        data.Add("huge", new string('a', 100_000) + ".b.c");
        return data;
    }

    [Theory]
    [MemberData(nameof(RefusedTokens))]
    public void Verify_BrokenToken_IsRefusedWithAReason(string because, string token)
    {
        using var kit = new ShopifyTestKit(_ => throw new InvalidOperationException("no HTTP"));

        var check = Verifier(kit).Verify(token);

        Assert.False(check.IsValid, because);
        Assert.Null(check.Token);
        Assert.False(string.IsNullOrWhiteSpace(check.Failure));
    }

    [Fact]
    public void Verify_NullToken_IsRefused()
    {
        using var kit = new ShopifyTestKit(_ => throw new InvalidOperationException("no HTTP"));
        Assert.False(Verifier(kit).Verify(null).IsValid);
    }

    [Theory]
    [InlineData(-4, true)]
    [InlineData(-5, false)]
    public void Verify_ExpiredWithinTheSkew_IsAcceptedUpToFiveSeconds(int expiresSecondsFromNow, bool accepted)
    {
        using var kit = new ShopifyTestKit(_ => throw new InvalidOperationException("no HTTP"));
        var claims = Set(Claims(), "exp", FixtureTime.Now.AddSeconds(expiresSecondsFromNow).ToUnixTimeSeconds());

        Assert.Equal(accepted, Verifier(kit).Verify(Token(claims)).IsValid);
    }

    [Theory]
    [InlineData(5, true)]
    [InlineData(6, false)]
    public void Verify_NotBeforeWithinTheSkew_IsAcceptedUpToFiveSeconds(int notBeforeSecondsFromNow, bool accepted)
    {
        using var kit = new ShopifyTestKit(_ => throw new InvalidOperationException("no HTTP"));
        var claims = Set(Claims(), "nbf", FixtureTime.Now.AddSeconds(notBeforeSecondsFromNow).ToUnixTimeSeconds());

        Assert.Equal(accepted, Verifier(kit).Verify(Token(claims)).IsValid);
    }

    [Fact]
    public void Verify_AppNotConfigured_RefusesEvenATokenSignedWithAnEmptySecret()
    {
        using var kit = new ShopifyTestKit(_ => throw new InvalidOperationException("no HTTP"));
        kit.Options.ClientSecret = "";
        Assert.False(Verifier(kit).Verify(Token(Claims(), secret: "")).IsValid);
    }

    private static string SignRaw(string payloadJson)
    {
        var header = Base64Url.EncodeToString("""{"alg":"HS256","typ":"JWT"}"""u8);
        var payload = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payloadJson));
        var signature = Base64Url.EncodeToString(System.Security.Cryptography.HMACSHA256.HashData(
            Encoding.UTF8.GetBytes(Secret), Encoding.ASCII.GetBytes($"{header}.{payload}")));
        return $"{header}.{payload}.{signature}";
    }

    private static JsonObject Set(JsonObject claims, string name, JsonNode? value)
    {
        claims[name] = value;
        return claims;
    }

    private static JsonObject Remove(JsonObject claims, string name)
    {
        claims.Remove(name);
        return claims;
    }
}
