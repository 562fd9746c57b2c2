using System.Net;

namespace CartRecovery.Web.Tests.Security;

/// <summary>What the hostile-input suite found, one named test each (issue 11): all were 5xx or accepted before their fix.</summary>
public sealed class HostileInputRegressionTests(HostileHost host) : IClassFixture<HostileHost>
{
    private string Store => $"/api/stores/{host.Targets.OwnStore.Id}";

    [Fact]
    public async Task AdminApi_WhenTheJsonCharsetIsUnknown_Is415Problem()
    {
        var response = await host.SendAsync(HttpMethod.Patch, Store, "{\"senderName\":\"x\"}"u8.ToArray(), "application/json; charset=x-hostile");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AdminApi_WhenTheBodyIsOver1MiB_Is413AndSavesNothing()
    {
        host.Database.Rebase();
        var account = new string('a', 2 * 1024 * 1024);

        var response = await host.SendJsonAsync(HttpMethod.Put, $"{Store}/sending-policy", $"{{\"account\":\"{account}\",\"retentionDays\":7}}");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(host.Database.ChangesSinceBaseline());
    }

    [Fact]
    public async Task AdminApi_WithoutAKeyAndAnOversizedBody_Is401NotA413()
    {
        host.Database.Rebase();
        var account = new string('a', 2 * 1024 * 1024);

        var response = await host.SendJsonAsync(HttpMethod.Put, $"{Store}/sending-policy", $"{{\"account\":\"{account}\"}}", admin: false);

        await AssertUnauthorizedAsync(response);
        Assert.Empty(host.Database.ChangesSinceBaseline());
    }

    [Theory]
    [InlineData("{\"senderName\":", "application/json")]
    [InlineData("{\"senderName\":\"x\"}", "application/json; charset=x-hostile")]
    [InlineData("<senderName/>", "application/xml")]
    public async Task AdminApi_WithoutAKeyAndABodyThatDoesNotBind_Is401NotA4xxAboutTheBody(string body, string contentType)
    {
        host.Database.Rebase();

        var response = await host.SendAsync(HttpMethod.Patch, Store, System.Text.Encoding.UTF8.GetBytes(body), contentType, admin: false);

        await AssertUnauthorizedAsync(response);
        Assert.Empty(host.Database.ChangesSinceBaseline());
    }

    [Fact]
    public async Task AdminApi_WithAnUnknownKey_Is401()
    {
        var response = await host.SendAsync(HttpMethod.Patch, Store, "{\"senderName\":\"x\"}"u8.ToArray(), admin: false,
            headers: ("Authorization", "Bearer crk_AAAAAAAAAAAA_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"));

        await AssertUnauthorizedAsync(response);
    }

    private static async Task AssertUnauthorizedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Contains("\"status\":401", await response.Content.ReadAsStringAsync(HostileHost.Ct), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task PostmarkWebhook_WhenAStringDoesNotDecode_Is400(bool loneSurrogate)
    {
        var body = loneSurrogate ? "{\"RecordType\":\"\\ud800\"}"u8.ToArray() : HostileRequests.InvalidUtf8Field("RecordType");
        var basic = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{HostileHost.PostmarkUser}:{HostileHost.PostmarkPassword}"));

        var response = await host.SendAsync(HttpMethod.Post, "/webhooks/postmark", body, admin: false, headers: ("Authorization", $"Basic {basic}"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task ShopifyWebhook_WhenASignedBodyHasInvalidUtf8_Is400AndIsNotStored()
    {
        host.Database.Rebase();
        var body = HostileRequests.InvalidUtf8Field("email");

        var response = await host.SendAsync(HttpMethod.Post, "/webhooks/shopify", body, admin: false,
            headers: [("X-Shopify-Hmac-Sha256", HostileRequests.Hmac(HostileHost.ShopifySecret, body)), ("X-Shopify-Topic", "checkouts/update"),
                ("X-Shopify-Shop-Domain", HostileHost.OwnShopDomain), ("X-Shopify-Webhook-Id", "regression-utf8")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(host.Database.ChangesSinceBaseline());
    }

    [Fact]
    public async Task WooCommerceConnectCallback_WhenUserIdIsInvalidUtf8_Is400()
    {
        var response = await host.SendAsync(HttpMethod.Post, "/connect/woocommerce/callback", HostileRequests.InvalidUtf8Field("user_id"), admin: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task DemoOrder_WhenTheMultipartBodyIsMalformed_Is400()
    {
        var response = await host.SendAsync(HttpMethod.Post, $"/demo/cart/{host.Targets.CartExternalId}/order", "--x\r\n\r\n"u8.ToArray(),
            "multipart/form-data; boundary=y", admin: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
