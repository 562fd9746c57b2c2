using System.Net;
using CartRecovery.Connectors.WooCommerce.Api;
using CartRecovery.Testing.Emulators.WooCommerce;

namespace CartRecovery.Web.Tests.Hosting;

/// <summary>
/// The outbound policy where connections open, on the real host's HTTP clients: with the production defaults a shop on
/// loopback (the emulator every other test uses) is unreachable, whatever name or scheme the URL uses.
/// </summary>
public sealed class OutboundConnectionsTests : IAsyncLifetime
{
    private static readonly Dictionary<string, string?> ProductionDefaults = new()
    {
        ["Outbound:AllowHttp"] = "false",
        ["Outbound:AllowPrivateNetworks"] = "false",
        // A refused connection must fail at once, not after the clients' retries.
        ["WooCommerce:MaxRetries"] = "0",
        ["Postmark:MaxRetries"] = "0",
    };

    private WooCommerceEmulator _shop = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() =>
        _shop = await WooCommerceEmulator.StartAsync(new WooCommerceEmulatorOptions(), Ct);

    public async ValueTask DisposeAsync() => await _shop.DisposeAsync();

    [Theory]
    [InlineData(WooCommerceClient.HttpClientName)]
    [InlineData("ShopifyAdminClient")]
    [InlineData("ShopifyOAuthClient")]
    [InlineData("PostmarkClient")]
    public async Task HttpClients_WithTheProductionDefaults_RefuseTheLoopbackShop(string clientName)
    {
        using var app = new CartRecoveryAppFactory(settings: ProductionDefaults);

        var error = await Assert.ThrowsAnyAsync<HttpRequestException>(() => PostAsync(app, clientName, _shop.BaseUrl));

        Assert.Contains("Outbound policy refused", Describe(error), StringComparison.Ordinal);
        Assert.Empty(_shop.Requests);
    }

    [Fact]
    public async Task HttpClient_WithTheProductionDefaults_RefusesANameThatResolvesToLoopback()
    {
        using var app = new CartRecoveryAppFactory(settings: ProductionDefaults);
        // https, a name rather than an address: only the check on the resolved address can stop it.
        var byName = new Uri($"https://localhost:{_shop.BaseUrl.Port}/");

        var error = await Assert.ThrowsAnyAsync<HttpRequestException>(() => PostAsync(app, WooCommerceClient.HttpClientName, byName));

        Assert.Contains("resolves to no public address", Describe(error), StringComparison.Ordinal);
        Assert.Empty(_shop.Requests);
    }

    [Fact]
    public async Task HttpClient_AllowingPrivateNetworksButNotHttp_RefusesPlainHttp()
    {
        using var app = new CartRecoveryAppFactory(settings: new Dictionary<string, string?>(ProductionDefaults) { ["Outbound:AllowPrivateNetworks"] = "true" });

        var error = await Assert.ThrowsAnyAsync<HttpRequestException>(() => PostAsync(app, WooCommerceClient.HttpClientName, _shop.BaseUrl));

        Assert.Contains("plain http is not allowed", Describe(error), StringComparison.Ordinal);
        Assert.Empty(_shop.Requests);
    }

    [Fact]
    public async Task HttpClient_AllowingBoth_ReachesTheLoopbackShop()
    {
        using var app = new CartRecoveryAppFactory(settings: new Dictionary<string, string?>(ProductionDefaults)
        {
            ["Outbound:AllowHttp"] = "true",
            ["Outbound:AllowPrivateNetworks"] = "true",
        });

        using var response = await PostAsync(app, WooCommerceClient.HttpClientName, _shop.BaseUrl);

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);   // the emulator answers (404 for /), which is the point
        Assert.Single(_shop.Requests);
    }

    private static async Task<HttpResponseMessage> PostAsync(CartRecoveryAppFactory app, string clientName, Uri url)
    {
        // POST: no client retries an unsafe method blindly, so the first refusal is the answer.
        var client = app.Service<IHttpClientFactory>().CreateClient(clientName);
        return await client.PostAsync(url, new StringContent("{}"), Ct);
    }

    private static string Describe(Exception error) =>
        error.InnerException is null ? error.Message : error.Message + " | " + Describe(error.InnerException);
}
