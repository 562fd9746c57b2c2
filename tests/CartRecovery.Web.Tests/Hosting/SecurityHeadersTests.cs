using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using CartRecovery.Connectors.Shopify;
using CartRecovery.Connectors.Shopify.Embedded;
using CartRecovery.Core.Recovery;
using CartRecovery.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CartRecovery.Web.Tests.Hosting;

/// <summary>Issue 11: every page and API response of the real host carries the security headers, errors and redirects too.</summary>
public sealed class SecurityHeadersTests : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly CartRecoveryAppFactory _app = new();

    public void Dispose() => _app.Dispose();

    [Theory]
    [InlineData("/demo/", HttpStatusCode.OK)]                       // a page
    [InlineData("/api/stores", HttpStatusCode.OK)]                  // an API answer
    [InlineData("/api/carts/987654", HttpStatusCode.NotFound)]      // a problem+json error
    [InlineData("/", HttpStatusCode.Redirect)]                      // a redirect
    public async Task Response_OfAnyKind_CarriesTheSecurityHeaders(string path, HttpStatusCode status)
    {
        await _app.DemoStoreAsync();

        var response = await _app.AdminClient().GetAsync(path, Ct);

        Assert.Equal(status, response.StatusCode);
        if (status == HttpStatusCode.NotFound)
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        AssertStrictHeaders(response, "strict-origin-when-cross-origin");
    }

    [Fact]
    public async Task Response_WhenTheCallerIsNotSignedIn_CarriesTheSecurityHeaders()
    {
        var response = await _app.BrowserClient().GetAsync("/api/stores", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        AssertStrictHeaders(response, "strict-origin-when-cross-origin");
    }

    [Theory]
    [InlineData("/r/garbage")]
    [InlineData("/u/garbage")]
    public async Task Response_OfAPageWhoseAddressCarriesAToken_SendsNoReferrer(string path)
    {
        var response = await _app.BrowserClient().GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        AssertStrictHeaders(response, "no-referrer");
    }

    [Fact]
    public async Task Page_StyleBlock_IsTheOneThePolicyAllowsByHash()
    {
        // A customer page of the calm layout (the demo shop has a stylesheet of its own instead).
        var response = await _app.BrowserClient().GetAsync("/r/garbage", Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        var styles = Regex.Matches(html, "<style>(.*?)</style>", RegexOptions.Singleline);
        var css = Assert.Single(styles).Groups[1].Value;
        var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(css)));
        Assert.Contains($"style-src 'self' 'sha256-{hash}'", Csp(response), StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", Csp(response), StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Response_WhenThePublicAddressIsHttp_SendsNoHsts()
    {
        var response = await _app.BrowserClient().GetAsync("/r/garbage", Ct);

        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Response_WhenThePublicAddressIsHttps_SendsHsts()
    {
        using var app = new CartRecoveryAppFactory(settings: new Dictionary<string, string?> { ["Recovery:PublicBaseUrl"] = "https://recovery.example/" });

        var response = await app.BrowserClient().GetAsync("/r/garbage", Ct);

        Assert.Equal("max-age=31536000", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")));
    }

    [Theory]
    [InlineData("/embedded?shop=acme.myshopify.com", "https://acme.myshopify.com https://admin.shopify.com")]
    [InlineData("/embedded?shop=evil.example", "'none'")]
    [InlineData("/embedded", "'none'")]
    [InlineData("/plain?shop=acme.myshopify.com", "'none'")]
    public async Task FrameAncestors_OnlyOnEndpointsEmbeddedInShopifysAdmin_NameTheShopAndTheAdmin(string path, string expected)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddSingleton(new RecoveryOptions());
        await using var app = builder.Build();
        app.UseSecurityHeaders();
        app.MapGet("/embedded", () => "embedded page").WithMetadata(ShopifyAdmin());
        app.MapGet("/plain", () => "plain page");
        await app.StartAsync(Ct);

        var response = await app.GetTestClient().GetAsync(path, Ct);

        Assert.EndsWith($"; frame-ancestors {expected}", Csp(response), StringComparison.Ordinal);
        Assert.Equal(expected == "'none'", response.Headers.Contains("X-Frame-Options"));
    }

    [Theory]
    [InlineData("/embedded", true)]
    [InlineData("/plain", false)]
    public async Task ScriptSources_OnlyOnEndpointsEmbeddedInShopifysAdmin_AllowAppBridgeAndOurOwnScripts(string path, bool allowed)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddSingleton(new RecoveryOptions());
        await using var app = builder.Build();
        app.UseSecurityHeaders();
        app.MapGet("/embedded", () => "embedded page").WithMetadata(ShopifyAdmin());
        app.MapGet("/plain", () => "plain page");
        await app.StartAsync(Ct);

        var csp = Csp(await app.GetTestClient().GetAsync(path + "?shop=acme.myshopify.com", Ct));

        Assert.Equal(allowed, csp.Contains("; script-src https://cdn.shopify.com/shopifycloud/app-bridge.js 'self'; connect-src 'self';", StringComparison.Ordinal));
        Assert.Equal(allowed, csp.Contains("script-src", StringComparison.Ordinal));
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
    }

    /// <summary>The Shopify connector's marker of a page embedded in the admin, as its own pages carry it.</summary>
    private static ShopifyEmbeddedAdmin ShopifyAdmin() => new(Options.Create(new ShopifyOptions()));

    private static void AssertStrictHeaders(HttpResponseMessage response, string referrerPolicy)
    {
        var csp = Csp(response);
        Assert.StartsWith("default-src 'none';", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal(referrerPolicy, Header(response, "Referrer-Policy"));
    }

    private static string Csp(HttpResponseMessage response) => Header(response, "Content-Security-Policy");

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? Assert.Single(values) : throw new Xunit.Sdk.XunitException($"{name} is missing");
}
