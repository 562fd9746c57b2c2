using System.Security.Cryptography;
using System.Text;
using CartRecovery.Connectors.Shopify.Auth;

namespace CartRecovery.Connectors.Tests.Shopify.Auth;

public sealed class ShopifyHmacTests
{
    // Shopify's documented OAuth example: secret "hush", and this query signed with it.
    private const string DocumentedSecret = "hush";
    private const string DocumentedHmac = "700e2dadb827fcc8609e9d5ce208b2e9cdaab9df07390d2cbca10d7c328fc4bf";

    private static Dictionary<string, string> DocumentedQuery() => new()
    {
        ["code"] = "0907a61c0c8d55e99db179b68161bc00",
        ["hmac"] = DocumentedHmac,
        ["shop"] = "some-shop.myshopify.com",
        ["state"] = "0.6784241404160823",
        ["timestamp"] = "1337178173",
    };

    [Fact]
    public void IsValidQuery_DocumentedExample_ReturnsTrue() =>
        Assert.True(ShopifyHmac.IsValidQuery(DocumentedQuery(), DocumentedSecret));

    [Fact]
    public void IsValidQuery_ParametersInAnotherOrder_ReturnsTrue()
    {
        var reordered = DocumentedQuery().Reverse().ToList();
        Assert.True(ShopifyHmac.IsValidQuery(reordered, DocumentedSecret));
    }

    [Fact]
    public void IsValidQuery_UppercaseHexSignature_ReturnsTrue()
    {
        var query = DocumentedQuery();
        query["hmac"] = DocumentedHmac.ToUpperInvariant();
        Assert.True(ShopifyHmac.IsValidQuery(query, DocumentedSecret));
    }

    [Fact]
    public void IsValidQuery_ForgedSignature_ReturnsFalse()
    {
        var query = DocumentedQuery();
        query["hmac"] = "600e2dadb827fcc8609e9d5ce208b2e9cdaab9df07390d2cbca10d7c328fc4bf";
        Assert.False(ShopifyHmac.IsValidQuery(query, DocumentedSecret));
    }

    [Fact]
    public void IsValidQuery_ValueChangedAfterSigning_ReturnsFalse()
    {
        var query = DocumentedQuery();
        query["shop"] = "evil-shop.myshopify.com";
        Assert.False(ShopifyHmac.IsValidQuery(query, DocumentedSecret));
    }

    [Fact]
    public void IsValidQuery_WrongSecret_ReturnsFalse() =>
        Assert.False(ShopifyHmac.IsValidQuery(DocumentedQuery(), "not-hush"));

    [Fact]
    public void IsValidQuery_MissingHmac_ReturnsFalse()
    {
        var query = DocumentedQuery();
        query.Remove("hmac");
        Assert.False(ShopifyHmac.IsValidQuery(query, DocumentedSecret));
    }

    [Fact]
    public void IsValidQuery_SignatureParameter_IsLeftOutOfTheMessage()
    {
        var query = DocumentedQuery();
        query["signature"] = "app-proxy-only";
        Assert.True(ShopifyHmac.IsValidQuery(query, DocumentedSecret));
    }

    [Fact]
    public void IsValidQuery_ValueWithSpace_IsSignedWithPercent20()
    {
        var query = new Dictionary<string, string> { ["shop"] = "some-shop.myshopify.com", ["note"] = "a b", ["timestamp"] = "1337178173" };
        query["hmac"] = HexHmac("note=a%20b&shop=some-shop.myshopify.com&timestamp=1337178173", DocumentedSecret);
        Assert.True(ShopifyHmac.IsValidQuery(query, DocumentedSecret));
    }

    [Fact]
    public void IsValidQuery_ValueWithSpaceSignedWithPlus_ReturnsFalse()
    {
        var query = new Dictionary<string, string> { ["shop"] = "some-shop.myshopify.com", ["note"] = "a b", ["timestamp"] = "1337178173" };
        query["hmac"] = HexHmac("note=a+b&shop=some-shop.myshopify.com&timestamp=1337178173", DocumentedSecret);
        Assert.False(ShopifyHmac.IsValidQuery(query, DocumentedSecret));
    }

    [Fact]
    public void IsValidQuery_ValueWithAmpersand_CannotForgeAnExtraParameter()
    {
        // Signed: one parameter "state" whose value contains "&shop=..."; it must not verify as two parameters.
        var signed = HexHmac("shop=some-shop.myshopify.com&state=x&timestamp=1337178173", DocumentedSecret);
        var query = new Dictionary<string, string> { ["state"] = "x&shop=some-shop.myshopify.com", ["timestamp"] = "1337178173", ["hmac"] = signed };
        Assert.False(ShopifyHmac.IsValidQuery(query, DocumentedSecret));
    }

    [Fact]
    public void IsValidWebhook_BodySignedWithSecret_ReturnsTrue()
    {
        var body = Encoding.UTF8.GetBytes(ShopifyFixtures.Read("checkout_create.json"));
        Assert.True(ShopifyHmac.IsValidWebhook(body, Base64Hmac(body, "client-secret"), "client-secret"));
    }

    [Fact]
    public void IsValidWebhook_SignedWithAnotherSecret_ReturnsFalse()
    {
        var body = Encoding.UTF8.GetBytes(ShopifyFixtures.Read("checkout_create.json"));
        Assert.False(ShopifyHmac.IsValidWebhook(body, Base64Hmac(body, "someone-else"), "client-secret"));
    }

    [Fact]
    public void IsValidWebhook_BodyAlteredByOneByte_ReturnsFalse()
    {
        var body = Encoding.UTF8.GetBytes(ShopifyFixtures.Read("checkout_create.json"));
        var header = Base64Hmac(body, "client-secret");
        body[body.Length / 2] ^= 0x01;
        Assert.False(ShopifyHmac.IsValidWebhook(body, header, "client-secret"));
    }

    [Fact]
    public void IsValidWebhook_ForgedHeader_ReturnsFalse()
    {
        var body = Encoding.UTF8.GetBytes("{\"id\":1}");
        Assert.False(ShopifyHmac.IsValidWebhook(body, Convert.ToBase64String(new byte[32]), "client-secret"));
    }

    [Theory]
    [InlineData("not base64 at all!")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("c2hvcnQ=")]
    public void IsValidWebhook_HeaderNotAValidSignature_ReturnsFalse(string? header) =>
        Assert.False(ShopifyHmac.IsValidWebhook("{}"u8, header, "client-secret"));

    [Theory]
    [InlineData("maple-goods.myshopify.com", true)]
    [InlineData("Maple-Goods.myshopify.com", true)]
    [InlineData("shop_1.myshopify.com", true)]
    [InlineData("a.myshopify.com", true)]
    [InlineData("-maple.myshopify.com", false)]
    [InlineData("maple goods.myshopify.com", false)]
    [InlineData("maple.myshopify.com.evil.com", false)]
    [InlineData("evil.com/maple.myshopify.com", false)]
    [InlineData("maple.myshopify.com/", false)]
    [InlineData("maple.myshopify.com\n", false)]
    [InlineData("https://maple.myshopify.com", false)]
    [InlineData("maple.shopify.com", false)]
    [InlineData("maple.myshopifyXcom", false)]
    [InlineData("sub.maple.myshopify.com", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsValidShopDomain_Table(string? shop, bool valid) =>
        Assert.Equal(valid, ShopifyHmac.IsValidShopDomain(shop));

    internal static string HexHmac(string message, string secret) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(message)));

    internal static string Base64Hmac(byte[] body, string secret) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
}
