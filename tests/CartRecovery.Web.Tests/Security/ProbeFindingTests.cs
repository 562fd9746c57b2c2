using System.Net;
using System.Text.Json;
using CartRecovery.Core.Stores;

namespace CartRecovery.Web.Tests.Security;

/// <summary>
/// The findings of issue 11's probe of the running app, as named regression tests against the same real host the
/// hostile-input suite attacks: each failed before its fix (the template ones ended the test process).
/// </summary>
public sealed class ProbeFindingTests(HostileHost host) : IClassFixture<HostileHost>
{
    private string Store => $"/api/stores/{host.Targets.OwnStore.Id}";

    [Fact]
    public async Task Capture_WhenAFieldIsInvalidUtf8_Is400AndStoresNothing()
    {
        host.Database.Rebase();
        var body = HostilePayloads.Fields(["cart_id", "email", "currency"], "\"\u0001\"", invalidUtf8: true);

        var response = await host.SendAsync(HttpMethod.Post, $"/capture/{host.Targets.WooStore.PublicKey}", body, admin: false,
            headers: ("Origin", new Uri(host.Targets.WooStore.StorefrontUrl).GetLeftPart(UriPartial.Authority)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(host.Database.ChangesSinceBaseline());
    }

    [Theory]
    [InlineData("nested ifs")]
    [InlineData("long loop")]
    [InlineData("doubling appends")]
    public async Task TemplatePut_WhenTheSourceExhaustsTheRenderer_Is422AndTheProcessLives(string attack)
    {
        host.Database.Rebase();
        var source = attack switch
        {
            "nested ifs" => string.Concat(Enumerable.Repeat("{% if true %}", 3000)) + "x" + string.Concat(Enumerable.Repeat("{% endif %}", 3000)),
            "long loop" => "{% for i in (1..100000000) %}x{% endfor %}",
            _ => "{% assign s = 'ab' %}" + string.Concat(Enumerable.Repeat("{% assign s = s | append: s %}", 25)) + "{{ s }}",
        };

        var response = await host.SendJsonAsync(HttpMethod.Put, $"{Store}/templates/offer/en/html", JsonSerializer.Serialize(new { source }));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Empty(host.Database.ChangesSinceBaseline());
        Assert.Equal(HttpStatusCode.OK, await host.HealthAsync());
    }

    [Fact]
    public async Task Capture_WithoutAnOrigin_Is403AndStoresNothing()
    {
        host.Database.Rebase();
        var body = JsonSerializer.SerializeToUtf8Bytes(new { cart_id = "cart-12345678", email = "lea@example.com", consent = true, currency = "EUR" });

        var response = await host.SendAsync(HttpMethod.Post, $"/capture/{host.Targets.WooStore.PublicKey}", body, admin: false);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(host.Database.ChangesSinceBaseline());
    }

    [Fact]
    public async Task ConnectWooCommerce_WhenTheSiteIsOnLoopback_Is400AndStoresNothing()
    {
        host.Database.Rebase();

        var response = await host.SendAsync(HttpMethod.Get, $"/connect/woocommerce?site={Uri.EscapeDataString("http://127.0.0.1:8080/")}", null, admin: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(host.Database.ChangesSinceBaseline());
    }

    [Fact]
    public async Task ConnectWooCommerce_WhenTheSiteHostIsNotAscii_Is400AndStoresNothing()
    {
        host.Database.Rebase();

        var response = await host.SendAsync(HttpMethod.Get, "/connect/woocommerce?site=%F0%9F%92%A9", null, admin: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(host.Database.ChangesSinceBaseline());
    }

    [Fact]
    public async Task CreateStore_WhenTheSiteUrlIsOnLoopback_Is400NamingIt()
    {
        var response = await host.SendJsonAsync(HttpMethod.Post, "/api/stores", JsonSerializer.Serialize(new
        {
            platform = Platforms.WooCommerce, siteUrl = "http://127.0.0.1:1/", consumerKey = "ck_hostile", consumerSecret = "cs_hostile",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("siteUrl", await response.Content.ReadAsStringAsync(HostileHost.Ct), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task StoreSettings_WhenTheSenderNameHasCrLf_Is400()
    {
        host.Database.Rebase();

        var response = await host.SendJsonAsync(HttpMethod.Patch, Store, """{"senderName":"Shop\r\nBcc: victim@example.com"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(host.Database.ChangesSinceBaseline());
    }

    [Fact]
    public async Task Sequence_WhenAFixedAmountOfferIs2Pow63Minus1_Is400()
    {
        host.Database.Rebase();
        var sequence = JsonSerializer.Serialize(new
        {
            name = "huge offer",
            steps = new[]
            {
                new { delaySeconds = 3600, channel = "email", template = "offer", offer = new { kind = "fixed-amount", value = long.MaxValue, validForHours = 48 } },
            },
        });

        var response = await host.SendJsonAsync(HttpMethod.Post, $"{Store}/sequences", sequence);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(host.Database.ChangesSinceBaseline());
    }
}
