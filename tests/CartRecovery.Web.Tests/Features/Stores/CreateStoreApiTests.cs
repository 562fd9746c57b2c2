using System.Net;
using System.Net.Http.Json;
using CartRecovery.Core.Stores;

namespace CartRecovery.Web.Tests.Features.Stores;

/// <summary><c>POST /api/stores</c> under the production outbound policy: addresses inside the network are refused before any call.</summary>
public sealed class CreateStoreApiTests : IDisposable
{
    private readonly CartRecoveryAppFactory _app = new(settings: new Dictionary<string, string?>
    {
        ["Outbound:AllowHttp"] = "false",
        ["Outbound:AllowPrivateNetworks"] = "false",
    });

    public void Dispose() => _app.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("woocommerce", "http://127.0.0.1:8080", null, "siteUrl")]
    [InlineData("woocommerce", "https://127.0.0.1", null, "siteUrl")]
    [InlineData("woocommerce", "https://10.0.0.7/shop", null, "siteUrl")]
    [InlineData("woocommerce", "https://shop.example", "http://127.0.0.1:8080/", "apiBaseUrl")]
    [InlineData("woocommerce", "https://shop.example", "https://169.254.169.254/", "apiBaseUrl")]
    [InlineData("shopify", null, "http://127.0.0.1:8080/", "apiBaseUrl")]
    [InlineData("shopify", null, "https://[::1]/", "apiBaseUrl")]
    public async Task Create_WithAnAddressInsideTheNetwork_Is400AndSavesNothing(string platform, string? siteUrl, string? apiBaseUrl, string named)
    {
        var response = await _app.AdminClient().PostAsJsonAsync("/api/stores", new
        {
            platform,
            siteUrl,
            apiBaseUrl,
            shopDomain = "maple-goods.myshopify.com",
            accessToken = "shpat_x",
            consumerKey = "ck_x",
            consumerSecret = "cs_x",
        }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(named, await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Empty(await _app.Service<IStoreRepository>().ListAsync(Ct));
    }
}
