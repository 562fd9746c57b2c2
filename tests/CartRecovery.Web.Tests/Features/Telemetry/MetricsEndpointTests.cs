using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using CartRecovery.Web.Tests.Features.Shopify;

namespace CartRecovery.Web.Tests.Features.Telemetry;

public sealed class MetricsEndpointTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Scrape_AfterAShopifyDeliveryASendAndAClick_FindsTheCountersWithTheirLabels()
    {
        await using var host = await ShopifyHost.StartAsync();
        await CartJourney.WalkAsync(host);
        using (var forged = await PostForgedWebhookAsync(host))
            Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        // A path no project mapped is refused too, but never becomes a label.
        using (var stranger = new HttpClient { BaseAddress = host.BaseUrl })
        using (var refused = await stranger.PostAsync("/webhooks/made-up-platform", new StringContent("{}"), Ct))
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);

        using var scraper = new HttpClient { BaseAddress = host.BaseUrl };
        scraper.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", CartRecoveryAppFactory.AdminKey);
        using var response = await scraper.GetAsync("/metrics", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync(Ct);
        AssertCounted(text, "cartrecovery_webhook_deliveries_total", ("platform", "shopify"), ("outcome", "accepted"));
        AssertCounted(text, "cartrecovery_webhook_deliveries_total", ("platform", "shopify"), ("outcome", "refused"), ("reason", "signature"));
        AssertCounted(text, "cartrecovery_webhook_processed_total", ("platform", "shopify"), ("outcome", "processed"));
        AssertCounted(text, "cartrecovery_messages_sent_total", ("channel", "email"), ("transport", "pickupfolder"));
        AssertCounted(text, "cartrecovery_dispatch_lateness_seconds_count", ("channel", "email"));
        AssertCounted(text, "cartrecovery_restore_clicks_total", ("outcome", "redirect"));
        Assert.DoesNotContain("made-up-platform", text, StringComparison.Ordinal);
        Assert.Contains("\ncartrecovery_webhook_inbox_depth", text, StringComparison.Ordinal);
        Assert.Contains("\ncartrecovery_webhook_inbox_oldest_age_seconds", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scrape_WithoutAKey_Is401WithNoFigures()
    {
        await using var app = new CartRecoveryAppFactory();

        using var response = await app.BrowserClient().GetAsync("/metrics", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("cartrecovery_", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scrape_WithAKeyThatIsNotTheOperators_IsRefused()
    {
        await using var app = new CartRecoveryAppFactory();
        using var client = app.BrowserClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-the-admin-key");

        using var response = await client.GetAsync("/metrics", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Scrape_WithTheOperatorKey_IsPrometheusText()
    {
        await using var app = new CartRecoveryAppFactory();

        using var response = await app.AdminClient().GetAsync("/metrics", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Scrape_WhenAMetricsPortIsSet_IsAnsweredThereWithoutAKey()
    {
        var port = CartRecoveryAppFactory.FreePort();
        await using var app = new CartRecoveryAppFactory(kestrelPort: port,
            settings: new Dictionary<string, string?> { ["OpenTelemetry:Prometheus:Port"] = port.ToString(CultureInfo.InvariantCulture) });
        app.StartServer();
        using var client = new HttpClient();

        using var response = await client.GetAsync(new Uri($"http://127.0.0.1:{port}/metrics"), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Scrape_WhenAMetricsPortIsSet_IsNotAnsweredOnOtherPortsEvenWithTheKey()
    {
        await using var app = new CartRecoveryAppFactory(settings: new Dictionary<string, string?> { ["OpenTelemetry:Prometheus:Port"] = "9464" });
        using var client = app.AdminClient();

        using var response = await client.GetAsync(new Uri("http://localhost:9464/metrics"), Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static async Task<HttpResponseMessage> PostForgedWebhookAsync(ShopifyHost host)
    {
        var body = Encoding.UTF8.GetBytes("""{"id":1}""");
        using var request = new HttpRequestMessage(HttpMethod.Post, host.WebhookUrl) { Content = new ByteArrayContent(body) };
        request.Headers.Add("X-Shopify-Topic", "checkouts/create");
        request.Headers.Add("X-Shopify-Shop-Domain", host.Shopify.ShopDomain);
        request.Headers.Add("X-Shopify-Webhook-Id", "wh-forged");
        request.Headers.Add("X-Shopify-Hmac-Sha256", Convert.ToBase64String(HMACSHA256.HashData("not-the-secret"u8, body)));
        return await host.NewBrowser().SendAsync(request, Ct);
    }

    /// <summary>
    /// The series of <paramref name="metric"/> that carry every label given add up to at least 1. Other tests in this
    /// process count into the same instruments, so a figure can only be a lower bound here.
    /// </summary>
    private static void AssertCounted(string exposition, string metric, params (string Label, string Value)[] labels)
    {
        var lines = exposition.Split('\n');
        var total = lines
            .Where(l => l.StartsWith(metric + "{", StringComparison.Ordinal))
            .Where(l => labels.All(p => l.Contains($"{p.Label}=\"{p.Value}\"", StringComparison.Ordinal)))
            .Sum(l => double.Parse(l[(l.LastIndexOf('}') + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture));
        Assert.True(total >= 1, $"no {metric} with {string.Join(", ", labels)} in:\n"
            + string.Join('\n', lines.Where(l => l.StartsWith("cartrecovery", StringComparison.Ordinal))));
    }
}
