using System.Net;
using CartRecovery.Core.Stores;
using CartRecovery.Testing.Emulators.WooCommerce;
using Microsoft.Data.Sqlite;

namespace CartRecovery.Web.Tests.Features.WooCommerce;

/// <summary>
/// The anonymous connect start and its callback: shop addresses the outbound policy refuses are refused, pending
/// connections are rate limited per client, capped in total and purged once expired.
/// </summary>
public sealed class WooCommerceConnectBoundsTests
{
    private static readonly Dictionary<string, string?> ProductionDefaults = new()
    {
        ["Outbound:AllowHttp"] = "false",
        ["Outbound:AllowPrivateNetworks"] = "false",
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("http://127.0.0.1:8080")]
    [InlineData("https://127.0.0.1")]
    [InlineData("https://169.254.169.254")]
    [InlineData("https://[::ffff:127.0.0.1]")]
    [InlineData("https://localhost")]
    [InlineData("http://shop.example")]
    public async Task ConnectStart_ToAnAddressThePolicyRefuses_Is400AndStoresNothing(string site)
    {
        using var app = new CartRecoveryAppFactory(settings: ProductionDefaults);

        var response = await app.BrowserClient().GetAsync($"/connect/woocommerce?site={Uri.EscapeDataString(site)}", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("couldn't connect your shop", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(0, await PendingRowsAsync(app));
    }

    [Fact]
    public async Task ConnectStart_FiveHundredAnonymousStarts_CreateOnlyWhatTheRateLimitAllows()
    {
        using var app = new CartRecoveryAppFactory(settings: ProductionDefaults);
        using var browser = app.BrowserClient();

        var statuses = await StartAsync(browser, 500);

        Assert.Equal(10, statuses.Count(s => s == HttpStatusCode.Redirect));
        Assert.Equal(490, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        Assert.Equal(10, await PendingRowsAsync(app));
    }

    [Fact]
    public async Task ConnectStart_BeyondTheCap_IsA503PageAndStoresNothing()
    {
        using var app = new CartRecoveryAppFactory(settings: new Dictionary<string, string?>(ProductionDefaults)
        {
            ["WooCommerce:ConnectStartsPerMinute"] = "10000",
            ["WooCommerce:MaxPendingConnections"] = "25",
        });
        using var browser = app.BrowserClient();

        var statuses = await StartAsync(browser, 500);

        Assert.Equal(25, statuses.Count(s => s == HttpStatusCode.Redirect));
        Assert.Equal(475, statuses.Count(s => s == HttpStatusCode.ServiceUnavailable));
        Assert.Equal(25, await PendingRowsAsync(app));
        var busy = await StartAsync(browser, "https://one-more.example");
        Assert.Contains("try again in a few minutes", await busy.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConnectStart_OncePendingConnectionsExpired_PurgesThemAndAcceptsAgain()
    {
        using var app = new CartRecoveryAppFactory(settings: new Dictionary<string, string?>(ProductionDefaults)
        {
            ["WooCommerce:MaxPendingConnections"] = "3",
        });
        using var browser = app.BrowserClient();
        Assert.All(await StartAsync(browser, 3), status => Assert.Equal(HttpStatusCode.Redirect, status));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await StartAsync(browser, "https://late.example")).StatusCode);

        app.Time.Advance(TimeSpan.FromMinutes(61));

        Assert.Equal(HttpStatusCode.Redirect, (await StartAsync(browser, "https://later.example")).StatusCode);
        Assert.Equal(1, await PendingRowsAsync(app));
    }

    [Fact]
    public async Task ConnectCallback_ForASiteThePolicyRefuses_IsRefusedWithoutCallingItAndSavesNoStore()
    {
        await using var shop = await WooCommerceEmulator.StartAsync(new WooCommerceEmulatorOptions(), Ct);
        using var app = new CartRecoveryAppFactory(settings: ProductionDefaults);
        var key = shop.AddApiKey();
        // A connection started for the loopback shop (before the policy, or by a name that now resolves there).
        var pending = app.Service<IPendingConnectionRepository>();
        var now = app.Time.GetUtcNow();
        Assert.True(await pending.TryCreateAsync("conn-1", Platforms.WooCommerce, shop.BaseUrl.AbsoluteUri, now, now.AddHours(1), 10, Ct));

        var response = await app.BrowserClient().PostAsync("/connect/woocommerce/callback", new StringContent($$"""
            {"key_id":1,"user_id":"conn-1","consumer_key":"{{key.ConsumerKey}}","consumer_secret":"{{key.ConsumerSecret}}","key_permissions":"read_write"}
            """, System.Text.Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(shop.Requests);
        Assert.Empty(await app.Service<IStoreRepository>().ListAsync(Ct));
    }

    /// <summary>Anonymous starts for <paramref name="count"/> different shops, one after the other (the form's POST).</summary>
    private static async Task<List<HttpStatusCode>> StartAsync(HttpClient browser, int count)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < count; i++)
            statuses.Add((await StartAsync(browser, $"https://shop-{i}.example")).StatusCode);
        return statuses;
    }

    /// <summary>The connect form posted for the site, with the antiforgery token of a form page this browser loaded once.</summary>
    private static async Task<HttpResponseMessage> StartAsync(HttpClient browser, string site)
    {
        if (!Tokens.TryGetValue(browser, out var token))
        {
            token = SignIn.SignInDriver.AntiforgeryToken(await browser.GetStringAsync("/connect/woocommerce?site=https://form.example", Ct));
            Tokens.Add(browser, token);
        }
        return await SignIn.SignInDriver.PostFormAsync(browser, "/connect/woocommerce", ("__af", token), ("site", site), ("email", "merchant@shop.example"));
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<HttpClient, string> Tokens = new();

    private static async Task<long> PendingRowsAsync(CartRecoveryAppFactory app)
    {
        await using var db = new SqliteConnection($"Data Source={Path.Combine(app.DataDirectory, "cartrecovery.db")}");
        await db.OpenAsync(Ct);
        await using var command = db.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM pending_connections";
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }
}
