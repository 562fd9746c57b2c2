using System.Text.Json;
using CartRecovery.Core.Stores;
using CartRecovery.Testing;
using Moq;

namespace CartRecovery.Connectors.Tests.Shopify.Auth;

public sealed class ShopifyTokenProviderTests
{
    private static StoreCredentials Expiring(TimeSpan left) => new()
    {
        StoreId = 1,
        AccessToken = "shpat_old",
        AccessTokenExpiresAt = FixtureTime.Now + left,
        RefreshToken = "shprt_old",
        RefreshTokenExpiresAt = FixtureTime.Now.AddDays(60),
        Scopes = "read_orders,write_discounts,read_customers",
        UpdatedAt = FixtureTime.Now.AddMinutes(-55),
    };

    private static HttpResponseMessage Refreshed() => Respond.Json(JsonSerializer.Serialize(new
    {
        access_token = "shpat_new",
        scope = "read_orders,write_discounts,read_customers",
        expires_in = 3600,
        refresh_token = "shprt_new",
        refresh_token_expires_in = 7_776_000,
    }));

    private static ShopifyTestKit Kit(StoreCredentials stored, Func<RecordedRequest, HttpResponseMessage>? shopify = null)
    {
        var kit = new ShopifyTestKit(shopify ?? (_ => Refreshed()));
        var current = stored;
        kit.Credentials.Setup(c => c.GetAsync(1, It.IsAny<CancellationToken>())).ReturnsAsync(() => current);
        kit.Credentials.Setup(c => c.SaveAsync(It.IsAny<StoreCredentials>(), It.IsAny<CancellationToken>()))
            .Callback((StoreCredentials saved, CancellationToken _) => current = saved)
            .Returns(Task.CompletedTask);
        return kit;
    }

    [Fact]
    public async Task GetAccessTokenAsync_FarFromExpiry_ReturnsStoredTokenWithoutRefreshing()
    {
        using var kit = Kit(Expiring(TimeSpan.FromMinutes(30)));
        Assert.Equal("shpat_old", await kit.Tokens().GetAccessTokenAsync(ShopifyTestKit.Store(), TestContext.Current.CancellationToken));
        Assert.Empty(kit.Handler.Requests);
    }

    [Fact]
    public async Task GetAccessTokenAsync_NonExpiringToken_IsUsedAsItIs()
    {
        using var kit = Kit(new StoreCredentials { StoreId = 1, AccessToken = "shpat_custom", UpdatedAt = FixtureTime.Now });
        Assert.Equal("shpat_custom", await kit.Tokens().GetAccessTokenAsync(ShopifyTestKit.Store(), TestContext.Current.CancellationToken));
        Assert.Empty(kit.Handler.Requests);
    }

    [Fact]
    public async Task GetAccessTokenAsync_ExpiresWithinRefreshWindow_RefreshesAndSavesBothTokens()
    {
        using var kit = Kit(Expiring(TimeSpan.FromMinutes(4)));

        var token = await kit.Tokens().GetAccessTokenAsync(ShopifyTestKit.Store(), TestContext.Current.CancellationToken);

        Assert.Equal("shpat_new", token);
        var refresh = Assert.Single(kit.Handler.Requests);
        Assert.Equal("https://maple-goods.myshopify.com/admin/oauth/access_token", refresh.Uri.AbsoluteUri);
        Assert.Equal("refresh_token", refresh.Json.GetProperty("grant_type").GetString());
        Assert.Equal("shprt_old", refresh.Json.GetProperty("refresh_token").GetString());
        Assert.Equal("client-id", refresh.Json.GetProperty("client_id").GetString());
        Assert.Equal("client-secret", refresh.Json.GetProperty("client_secret").GetString());
        kit.Credentials.Verify(c => c.SaveAsync(It.Is<StoreCredentials>(saved =>
            saved.StoreId == 1 && saved.AccessToken == "shpat_new" && saved.RefreshToken == "shprt_new"
            && saved.AccessTokenExpiresAt == FixtureTime.Now.AddHours(1) && saved.RefreshTokenExpiresAt == FixtureTime.Now.AddDays(90)
            && saved.UpdatedAt == FixtureTime.Now), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task GetAccessTokenAsync_AlreadyExpired_Refreshes()
    {
        using var kit = Kit(Expiring(TimeSpan.FromMinutes(-20)));
        Assert.Equal("shpat_new", await kit.Tokens().GetAccessTokenAsync(ShopifyTestKit.Store(), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task GetAccessTokenAsync_ConcurrentCallersForOneStore_RefreshOnce()
    {
        // Shopify holds the first refresh open until every caller has had time to start its own.
        using var release = new ManualResetEventSlim();
        using var kit = Kit(Expiring(TimeSpan.FromMinutes(1)), _ =>
        {
            release.Wait(TimeSpan.FromSeconds(10));
            return Refreshed();
        });
        var tokens = kit.Tokens();

        var callers = Enumerable.Range(0, 8)
            .Select(_ => Task.Run(() => tokens.GetAccessTokenAsync(ShopifyTestKit.Store(), TestContext.Current.CancellationToken), TestContext.Current.CancellationToken))
            .ToList();
        await kit.Handler.WaitForRequestsAsync(1);
        await Task.Delay(100, TestContext.Current.CancellationToken);
        release.Set();
        var all = await Task.WhenAll(callers);

        Assert.All(all, token => Assert.Equal("shpat_new", token));
        Assert.Single(kit.Handler.Requests);
        kit.Credentials.Verify(c => c.SaveAsync(It.IsAny<StoreCredentials>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task GetAccessTokenAsync_NoCredentials_ThrowsNonTransient()
    {
        using var kit = new ShopifyTestKit(_ => Refreshed());
        kit.Credentials.Setup(c => c.GetAsync(1, It.IsAny<CancellationToken>())).ReturnsAsync((StoreCredentials?)null);
        var error = await Assert.ThrowsAsync<CartRecovery.Connectors.Shopify.Admin.ShopifyApiException>(
            () => kit.Tokens().GetAccessTokenAsync(ShopifyTestKit.Store(), TestContext.Current.CancellationToken));
        Assert.False(error.IsTransient);
    }
}
