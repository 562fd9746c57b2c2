using System.Net;
using System.Text.Json;
using CartRecovery.Connectors.Tests.WooCommerce.Support;
using CartRecovery.Connectors.WooCommerce.Api;
using CartRecovery.Testing.Emulators.WooCommerce;

namespace CartRecovery.Connectors.Tests.WooCommerce.Emulator;

/// <summary>The emulator must refuse what WooCommerce refuses, or the connector tests would prove nothing.</summary>
public sealed class WooCommerceEmulatorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SignedRequest_ReplayedWithTheSameNonce_IsRefused()
    {
        await using var emulator = await WooCommerceEmulator.StartAsync(new WooCommerceEmulatorOptions { HomeUrl = new Uri("http://shop.test") }, Ct);
        var key = emulator.AddApiKey();
        using var http = new HttpClient();
        var url = Signed(emulator, key, "GET", "wp-json/wc/v3/orders", [new("per_page", "5")]);

        using var first = await http.GetAsync(url, Ct);
        using var replay = await http.GetAsync(url, Ct);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        await AssertErrorAsync(replay, 401, "woocommerce_rest_authentication_error", "Invalid nonce - nonce has already been used.");
    }

    [Fact]
    public async Task SignedRequest_SignedForTheHostInsteadOfTheHomeUrl_IsRefused()
    {
        await using var emulator = await WooCommerceEmulator.StartAsync(new WooCommerceEmulatorOptions { HomeUrl = new Uri("http://shop.test") }, Ct);
        var key = emulator.AddApiKey();
        using var http = new HttpClient();
        var signed = WooCommerceOAuth1.Sign("GET", new Uri(emulator.BaseUrl, "wp-json/wc/v3/orders"), [], key.ConsumerKey, key.ConsumerSecret,
            DateTimeOffset.UtcNow.ToUnixTimeSeconds(), WooCommerceOAuth1.NewNonce());

        using var response = await http.GetAsync(SignedQuery.Uri(new Uri(emulator.BaseUrl, "wp-json/wc/v3/orders"), signed), Ct);

        await AssertErrorAsync(response, 401, "woocommerce_rest_authentication_error", "Invalid signature - provided signature does not match.");
    }

    [Fact]
    public async Task SignedRequest_InAnAuthorizationHeader_IsAccepted()
    {
        await using var emulator = await WooCommerceEmulator.StartAsync(new WooCommerceEmulatorOptions { HomeUrl = new Uri("http://shop.test") }, Ct);
        var key = emulator.AddApiKey();
        var signed = WooCommerceOAuth1.Sign("GET", new Uri("http://shop.test/wp-json/wc/v3/orders"), [], key.ConsumerKey, key.ConsumerSecret,
            DateTimeOffset.UtcNow.ToUnixTimeSeconds(), WooCommerceOAuth1.NewNonce());
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(emulator.BaseUrl, "wp-json/wc/v3/orders"));
        request.Headers.TryAddWithoutValidation("Authorization",
            "OAuth " + string.Join(", ", signed.Select(p => $"{p.Key}=\"{Uri.EscapeDataString(p.Value)}\"")));
        using var http = new HttpClient();

        using var response = await http.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task PartialOAuthParameters_NameTheMissingOnes()
    {
        await using var emulator = await WooCommerceEmulator.StartAsync(ct: Ct);
        var key = emulator.AddApiKey();
        using var http = new HttpClient();

        using var response = await http.GetAsync(new Uri(emulator.BaseUrl, $"wp-json/wc/v3/orders?oauth_consumer_key={key.ConsumerKey}&oauth_timestamp=1&oauth_signature_method=HMAC-SHA256"), Ct);

        await AssertErrorAsync(response, 401, "woocommerce_rest_authentication_missing_parameter", "Missing OAuth parameters oauth_nonce, oauth_signature");
    }

    [Fact]
    public async Task BasicAuth_OverPlainHttp_IsNotEvenTried()
    {
        await using var emulator = await WooCommerceEmulator.StartAsync(ct: Ct);
        var key = emulator.AddApiKey();
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{key.ConsumerKey}:{key.ConsumerSecret}")));

        using var response = await http.GetAsync(new Uri(emulator.BaseUrl, "wp-json/wc/v3/orders"), Ct);

        await AssertErrorAsync(response, 401, "woocommerce_rest_cannot_view", "Sorry, you cannot list resources.");
    }

    [Fact]
    public async Task ReadOnlyKey_Posting_IsRefusedBeforeValidation()
    {
        await using var emulator = await WooCommerceEmulator.StartAsync(new WooCommerceEmulatorOptions { HomeUrl = new Uri("http://shop.test") }, Ct);
        var key = emulator.AddApiKey("read");
        using var http = new HttpClient();

        using var response = await http.PostAsync(Signed(emulator, key, "POST", "wp-json/wc/v3/coupons", []), new StringContent("{}"), Ct);

        await AssertErrorAsync(response, 401, "woocommerce_rest_authentication_error", "The API key provided does not have write permissions.");
    }

    [Fact]
    public async Task PerPageAbove100_IsAnInvalidParameter()
    {
        await using var emulator = await WooCommerceEmulator.StartAsync(new WooCommerceEmulatorOptions { HomeUrl = new Uri("http://shop.test") }, Ct);
        var key = emulator.AddApiKey();
        using var http = new HttpClient();

        using var response = await http.GetAsync(Signed(emulator, key, "GET", "wp-json/wc/v3/orders", [new("per_page", "101")]), Ct);

        await AssertErrorAsync(response, 400, "rest_invalid_param", "Invalid parameter(s): per_page");
    }

    [Fact]
    public async Task UnknownRoute_IsRestNoRoute()
    {
        await using var emulator = await WooCommerceEmulator.StartAsync(ct: Ct);
        using var http = new HttpClient();

        using var response = await http.GetAsync(new Uri(emulator.BaseUrl, "wp-json/wc/v3/nothing-here"), Ct);

        await AssertErrorAsync(response, 404, "rest_no_route", "No route was found matching the URL and request method.");
    }

    [Fact]
    public async Task OrdersPage_CarriesTotalsAndPrevNextLinks()
    {
        await using var emulator = await WooCommerceEmulator.StartAsync(new WooCommerceEmulatorOptions { HomeUrl = new Uri("http://shop.test") }, Ct);
        var key = emulator.AddApiKey();
        for (var i = 0; i < 25; i++)
            emulator.AddOrder();
        using var http = new HttpClient();

        using var response = await http.GetAsync(Signed(emulator, key, "GET", "wp-json/wc/v3/orders", [new("per_page", "10"), new("page", "2")]), Ct);

        Assert.Equal(("25", "3"), (response.Headers.GetValues("X-WP-Total").Single(), response.Headers.GetValues("X-WP-TotalPages").Single()));
        var link = response.Headers.GetValues("Link").Single();
        Assert.Contains("page=1>; rel=\"prev\"", link, StringComparison.Ordinal);
        Assert.Contains("page=3>; rel=\"next\"", link, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeyAuthorization_CallbackOverPlainHttp_IsRefusedLikeWooCommerce()
    {
        await using var emulator = await WooCommerceEmulator.StartAsync(ct: Ct);
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });

        using var response = await http.GetAsync(new Uri(emulator.BaseUrl,
            "wc-auth/v1/authorize?app_name=X&scope=read_write&user_id=1&return_url=https%3A%2F%2Fapp.test%2Fr&callback_url=http%3A%2F%2Fapp.test%2Fc"), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("The callback_url needs to be over SSL", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Empty(emulator.ApiKeys);
    }

    [Fact]
    public async Task KeyAuthorization_MerchantDenies_ReturnsWithSuccess0AndNoKey()
    {
        await using var emulator = await WooCommerceEmulator.StartAsync(new WooCommerceEmulatorOptions { DenyAuthorization = true }, Ct);
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });

        using var response = await http.GetAsync(new Uri(emulator.BaseUrl,
            "wc-auth/v1/authorize?app_name=X&scope=read_write&user_id=abc&return_url=https%3A%2F%2Fapp.test%2Fr&callback_url=https%3A%2F%2Fapp.test%2Fc"), Ct);

        Assert.Equal("https://app.test/r?success=0&user_id=abc", response.Headers.Location!.AbsoluteUri);
        Assert.Empty(emulator.ApiKeys);
    }

    private static Uri Signed(WooCommerceEmulator emulator, EmulatedApiKey key, string method, string route, IReadOnlyList<KeyValuePair<string, string>> query)
    {
        var signed = WooCommerceOAuth1.Sign(method, new Uri(emulator.HomeUrl, route), query, key.ConsumerKey, key.ConsumerSecret,
            DateTimeOffset.UtcNow.ToUnixTimeSeconds(), WooCommerceOAuth1.NewNonce());
        return SignedQuery.Uri(new Uri(emulator.BaseUrl, route), signed);
    }

    private static async Task AssertErrorAsync(HttpResponseMessage response, int status, string code, string message)
    {
        Assert.Equal(status, (int)response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(code, body.RootElement.GetProperty("code").GetString());
        Assert.Equal(message, body.RootElement.GetProperty("message").GetString());
        Assert.Equal(status, body.RootElement.GetProperty("data").GetProperty("status").GetInt32());
    }

    /// <summary>Builds a query the way the connector does (RFC 3986 encoding).</summary>
    private static class SignedQuery
    {
        public static Uri Uri(Uri url, IReadOnlyList<KeyValuePair<string, string>> query) =>
            new(url + "?" + string.Join("&", query.Select(p => WooCommerceOAuth1.Encode(p.Key) + "=" + WooCommerceOAuth1.Encode(p.Value))));
    }
}
