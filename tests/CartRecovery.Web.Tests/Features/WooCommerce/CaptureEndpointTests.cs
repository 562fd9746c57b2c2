using System.Net;
using System.Text;
using System.Text.Json;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Stores;

namespace CartRecovery.Web.Tests.Features.WooCommerce;

/// <summary>The storefront capture endpoint: own origin only, validated, bounded, rate limited.</summary>
public sealed class CaptureEndpointTests : IAsyncLifetime
{
    private WooCommerceHost _host = null!;
    private Store _store = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await WooCommerceHost.StartAsync();
        _store = (await _host.ConnectAsync()).Store!;
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    private static CancellationToken Ct => WooCommerceHost.Ct;

    private string Origin => new Uri(_store.StorefrontUrl).GetLeftPart(UriPartial.Authority);

    private static string Body(string email = "lea@example.com", bool consent = true, string cartId = "cart-12345678") =>
        JsonSerializer.Serialize(new
        {
            cart_id = cartId, email, consent, currency = "EUR",
            items = new[] { new { product_id = 7701, quantity = 1, name = "Trail Boots", price = 145.0 } },
        });

    private async Task<HttpResponseMessage> PostAsync(string body, string? origin, string? key = null)
    {
        using var client = new HttpClient { BaseAddress = _host.BaseUrl };
        var request = new HttpRequestMessage(HttpMethod.Post, $"/capture/{key ?? _store.PublicKey}") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (origin is not null)
            request.Headers.Add("Origin", origin);
        return await client.SendAsync(request, Ct);
    }

    [Fact]
    public async Task Capture_FromTheStoresOwnOrigin_StoresTheCartAndAllowsTheOrigin()
    {
        var response = await PostAsync(Body(), Origin);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Origin, response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        var carts = await _host.App.Service<ICartRepository>().ListAsync(new CartQuery(_store.Id), Ct);
        Assert.Equal("lea@example.com", Assert.Single(carts).Contact.Email);
    }

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData(null)]
    public async Task Capture_FromAForeignOrigin_Is403AndStoresNothing(string? origin)
    {
        var response = await PostAsync(Body(), origin);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.Empty(await _host.App.Service<ICartRepository>().ListAsync(new CartQuery(_store.Id), Ct));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("null")]
    [InlineData("")]
    public async Task Capture_WithoutAnOrigin_Is403ProblemJsonAndStoresNothing(string? origin)
    {
        var response = await PostAsync(Body(), origin);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Origin not allowed", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Empty(await _host.App.Service<ICartRepository>().ListAsync(new CartQuery(_store.Id), Ct));
    }

    [Fact]
    public async Task Capture_WithoutAnOriginForAStoreWhoseHomeIsNotAWebLink_Is403AndStoresNothing()
    {
        // A row stored before home URLs were checked: its "origin" is empty, like a request without Origin.
        await _host.App.Service<IStoreRepository>().UpsertAsync(_store with { StorefrontUrl = "javascript:alert(document.domain)" }, Ct);

        var response = await PostAsync(Body(), origin: null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(await _host.App.Service<ICartRepository>().ListAsync(new CartQuery(_store.Id), Ct));
    }

    [Fact]
    public async Task Capture_WithInvalidUtf8InTheBody_Is400AndStoresNothing()
    {
        // "lea@example.com" with a lone continuation byte in the middle: a JSON reader only notices when it reads the string.
        var body = Encoding.UTF8.GetBytes(Body());
        body[body.AsSpan().IndexOf("lea@"u8) + 1] = 0xFF;
        using var client = new HttpClient { BaseAddress = _host.BaseUrl };
        var request = new HttpRequestMessage(HttpMethod.Post, $"/capture/{_store.PublicKey}") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add("Origin", Origin);

        var response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("UTF-8", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Empty(await _host.App.Service<ICartRepository>().ListAsync(new CartQuery(_store.Id), Ct));
    }

    /// <param name="path">The capture post, or the exit question's answer (<c>/reason</c>).</param>
    [Theory]
    [InlineData("")]
    [InlineData("/reason")]
    public async Task Preflight_FromTheStoresOrigin_AllowsPost(string path)
    {
        using var client = new HttpClient { BaseAddress = _host.BaseUrl };
        var request = new HttpRequestMessage(HttpMethod.Options, $"/capture/{_store.PublicKey}{path}");
        request.Headers.Add("Origin", Origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");

        var response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("POST", response.Headers.GetValues("Access-Control-Allow-Methods").Single());
    }

    [Theory]
    [InlineData("{not json", "body")]
    [InlineData("""{"cart_id":"cart-12345678","email":"not-an-email","consent":true,"items":[{"product_id":1,"quantity":1,"name":"A","price":1}]}""", "email")]
    [InlineData("""{"cart_id":"cart-12345678","email":"lea@example.com","consent":false,"items":[{"product_id":1,"quantity":1,"name":"A","price":1}]}""", "consent")]
    [InlineData("""{"cart_id":"cart-12345678","email":"lea@example.com","consent":true,"items":[{"product_id":1,"quantity":-2,"name":"A","price":1}]}""", "items[0].quantity")]
    public async Task Capture_WithBadInput_Is400NamingTheFieldAndStoresNothing(string body, string field)
    {
        var response = await PostAsync(body, Origin);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _), field);
        Assert.Empty(await _host.App.Service<ICartRepository>().ListAsync(new CartQuery(_store.Id), Ct));
    }

    [Fact]
    public async Task Capture_WithAnOversizedBody_Is413()
    {
        var response = await PostAsync("{\"email\":\"" + new string('a', 40_000) + "\"}", Origin);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Capture_ForAnUnknownStoreKey_Is404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(Body(), Origin, key: "no-such-key")).StatusCode);
    }

    [Fact]
    public async Task Capture_BeyondTheRateLimit_Is429()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 32; i++)
            statuses.Add((await PostAsync(Body(cartId: $"cart-rate-{i:D4}"), Origin)).StatusCode);

        Assert.Equal(30, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    [Fact]
    public async Task Script_ForAKnownStore_IsJavaScriptPostingToItsCaptureAddress()
    {
        using var client = new HttpClient { BaseAddress = _host.BaseUrl };

        var response = await client.GetAsync($"/capture/{_store.PublicKey}/script.js", Ct);
        var unknown = await client.GetAsync("/capture/no-such-key/script.js", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        var script = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains($"\"{_host.BaseUrl}capture/{_store.PublicKey}\"", script, StringComparison.Ordinal);
        Assert.DoesNotContain("{{", script, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
