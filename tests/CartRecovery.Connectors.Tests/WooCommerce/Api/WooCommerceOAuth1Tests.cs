using CartRecovery.Connectors.WooCommerce.Api;

namespace CartRecovery.Connectors.Tests.WooCommerce.Api;

public sealed class WooCommerceOAuth1Tests
{
    /// <summary>
    /// RFC 5849 §1.2 (the temporary-credentials request to photos.example.net) is signed before any token exists, so its
    /// key is "consumer secret &amp;" with an empty token secret: exactly WooCommerce's one-legged case. The RFC publishes
    /// both the parameters and the resulting HMAC-SHA1 signature "74KNZJeDHnMBp0EMJ9ZHt/XKycU=".
    /// </summary>
    [Fact]
    public void Signature_Rfc5849OneLeggedExample_MatchesThePublishedSignature()
    {
        var baseString = WooCommerceOAuth1.BaseString("POST", new Uri("https://photos.example.net/initiate"),
        [
            new("oauth_consumer_key", "dpf43f3p2l4k3l03"),
            new("oauth_signature_method", "HMAC-SHA1"),
            new("oauth_timestamp", "137131200"),
            new("oauth_nonce", "wIjqoS"),
            new("oauth_callback", "http://printer.example.com/ready"),
        ]);

        Assert.Equal(
            "POST&https%3A%2F%2Fphotos.example.net%2Finitiate&oauth_callback%3Dhttp%253A%252F%252Fprinter.example.com%252Fready"
            + "%26oauth_consumer_key%3Ddpf43f3p2l4k3l03%26oauth_nonce%3DwIjqoS%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D137131200",
            baseString);
        Assert.Equal("74KNZJeDHnMBp0EMJ9ZHt/XKycU=", WooCommerceOAuth1.Signature(baseString, "kd94hf93k423kf44", WooCommerceOAuth1.HmacSha1));
    }

    /// <summary>
    /// Derived by hand from check_oauth_signature(): keys sorted with strcmp (modified_after &lt; oauth_* &lt; per_page &lt;
    /// status), each key and value rawurlencode'd (":" → %3A, "," → %2C), each "k=v" rawurlencode'd again (so "%" → %25,
    /// "=" → %3D), joined with %26, after "GET&amp;" and the encoded home URL + path. The expected signature was computed
    /// outside .NET: <c>printf '%s' "$BASE" | openssl dgst -sha256 -hmac 'cs_fedc…ba98&amp;' -binary | base64</c>.
    /// </summary>
    [Fact]
    public void Sign_OrdersQuery_ProducesTheHandDerivedBaseStringAndSignature()
    {
        var signed = WooCommerceOAuth1.Sign("GET", new Uri("http://shop.test/wp-json/wc/v3/orders"),
            [new("status", "pending,failed"), new("modified_after", "2026-11-22T17:00:00"), new("per_page", "100")],
            "ck_0123456789abcdef0123456789abcdef01234567", "cs_fedcba9876543210fedcba9876543210fedcba98",
            1795453200, "abcdefghijklmnopqrstuvwxyz012345");

        var expectedBase =
            "GET&http%3A%2F%2Fshop.test%2Fwp-json%2Fwc%2Fv3%2Forders&modified_after%3D2026-11-22T17%253A00%253A00"
            + "%26oauth_consumer_key%3Dck_0123456789abcdef0123456789abcdef01234567%26oauth_nonce%3Dabcdefghijklmnopqrstuvwxyz012345"
            + "%26oauth_signature_method%3DHMAC-SHA256%26oauth_timestamp%3D1795453200%26per_page%3D100%26status%3Dpending%252Cfailed";
        Assert.Equal(expectedBase, WooCommerceOAuth1.BaseString("GET", new Uri("http://shop.test/wp-json/wc/v3/orders"), signed));
        Assert.Equal("rbK8kptCl5+lmhL6xgIU/RCKLxjpO3b51lCvGTHC0V4=", signed.Single(p => p.Key == "oauth_signature").Value);
        Assert.DoesNotContain(signed, p => p.Key == "oauth_version");
    }

    [Fact]
    public void BaseString_SpacesPlusAndTilde_EncodeLikeRawurlencode()
    {
        var baseString = WooCommerceOAuth1.BaseString("get", new Uri("http://shop.test/wp-json/wc/v3/orders?ignored=1"),
            [new("search", "a b+c~d")]);

        // Space is %20 (never +), + is %2B, ~ stays: then the pair is encoded once more.
        Assert.Equal("GET&http%3A%2F%2Fshop.test%2Fwp-json%2Fwc%2Fv3%2Forders&search%3Da%2520b%252Bc~d", baseString);
    }

    [Fact]
    public void BaseString_ExcludesTheSignatureItself()
    {
        var with = WooCommerceOAuth1.BaseString("GET", new Uri("http://shop.test/x"), [new("a", "1"), new("oauth_signature", "zzz")]);
        var without = WooCommerceOAuth1.BaseString("GET", new Uri("http://shop.test/x"), [new("a", "1")]);

        Assert.Equal(without, with);
    }

    [Fact]
    public void Signature_KeyIsTheSecretFollowedByAnAmpersand()
    {
        // HMAC-SHA256("x", key "s&"), computed with: printf x | openssl dgst -sha256 -hmac 's&' -binary | base64
        Assert.Equal("h24oecrrC9zYg6rdZkBkVHCxrh4npgHF2NSUlCLphIg=", WooCommerceOAuth1.Signature("x", "s"));
    }

    [Fact]
    public void Sign_RepeatedParameter_IsRefusedBecausePhpKeepsOnlyTheLast()
    {
        Assert.Throws<ArgumentException>(() => WooCommerceOAuth1.Sign("GET", new Uri("http://shop.test/x"),
            [new("status", "pending"), new("status", "failed")], "ck_a", "cs_b", 1, "n"));
    }

    [Fact]
    public void Signature_UnknownMethod_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => WooCommerceOAuth1.Signature("x", "s", "PLAINTEXT"));
    }

    [Fact]
    public void NewNonce_IsThirtyTwoAlphanumericsAndFresh()
    {
        var a = WooCommerceOAuth1.NewNonce();

        Assert.Equal(32, a.Length);
        Assert.True(a.All(char.IsAsciiLetterOrDigit));
        Assert.NotEqual(a, WooCommerceOAuth1.NewNonce());
    }
}
