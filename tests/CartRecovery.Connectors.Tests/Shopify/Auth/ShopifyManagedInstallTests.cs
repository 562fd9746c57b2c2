using CartRecovery.Connectors.Shopify;
using CartRecovery.Connectors.Shopify.Admin;
using CartRecovery.Connectors.Shopify.Auth;
using CartRecovery.Connectors.Shopify.Webhooks;
using CartRecovery.Core.Stores;
using CartRecovery.Core.Webhooks;
using CartRecovery.Testing.Emulators.Shopify;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace CartRecovery.Connectors.Tests.Shopify.Auth;

/// <summary>Managed installation against the Shopify emulator: session token → token exchange → the shop connected.</summary>
public sealed class ShopifyManagedInstallTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(FixtureTime.Now);
    private readonly Dictionary<long, StoreCredentials> _saved = [];
    private readonly Mock<IStoreCredentialRepository> _credentials = new();
    private readonly HttpClient _http = new();
    private ShopifyEmulator _shopify = null!;
    private Store? _stored;
    private int _upserts;

    public async ValueTask InitializeAsync()
    {
        _shopify = await ShopifyEmulator.StartAsync(new ShopifyEmulatorOptions { TimeProvider = _time });
        _credentials.Setup(c => c.SaveAsync(It.IsAny<StoreCredentials>(), It.IsAny<CancellationToken>()))
            .Callback((StoreCredentials c, CancellationToken _) => _saved[c.StoreId] = c).Returns(Task.CompletedTask);
        _credentials.Setup(c => c.GetAsync(It.IsAny<long>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((long id, CancellationToken _) => _saved.GetValueOrDefault(id));
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _shopify.DisposeAsync();
    }

    private ShopifyManagedInstall Install(string? scopes = null)
    {
        var options = Options.Create(new ShopifyOptions
        {
            ClientId = _shopify.ClientId,
            ClientSecret = _shopify.ClientSecret,
            ApiBaseUrl = _shopify.BaseUrl,
            ApiVersion = "2026-07",
            Scopes = scopes ?? "read_orders,write_discounts,read_customers",
        });
        var stores = new Mock<IStoreRepository>();
        stores.Setup(s => s.FindAsync(Platforms.Shopify, It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string _, string shop, CancellationToken _) => _stored?.ExternalId == shop ? _stored : null);
        stores.Setup(s => s.UpsertAsync(It.IsAny<Store>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((Store store, CancellationToken _) =>
            {
                _upserts++;
                return _stored = store with { Id = 5, AccountId = 9 };
            });
        var admin = new ShopifyAdminClient(_http, options, _time);
        var registration = new ShopifyStoreRegistration(admin, new ShopifyWebhookRegistrar(admin, InstallTestData.Recovery), stores.Object,
            _credentials.Object, new WebhookSigners(_time), _time);
        return new ShopifyManagedInstall(options, new ShopifyOAuthClient(_http, options), registration, stores.Object, _credentials.Object, _time);
    }

    private ShopifySessionToken Verified(string? token = null)
    {
        var options = Options.Create(new ShopifyOptions { ClientId = _shopify.ClientId, ClientSecret = _shopify.ClientSecret });
        var check = new ShopifySessionTokenVerifier(options, _time).Verify(token ?? _shopify.MintSessionToken());
        Assert.True(check.IsValid, check.Failure);
        return check.Token!;
    }

    [Fact]
    public async Task EnsureInstalled_UnknownShop_ExchangesTheSessionTokenAndConnectsTheShop()
    {
        var result = await Install().EnsureInstalledAsync(Verified(), TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded, result.Reason);
        Assert.Equal(_shopify.ShopDomain, result.Store!.ExternalId);
        Assert.Equal(_shopify.ShopName, result.Store.Name);
        var exchange = Assert.Single(_shopify.Requests, r => r.Path == "/admin/oauth/access_token");
        Assert.Contains("urn:ietf:params:oauth:token-type:id_token", exchange.Body, StringComparison.Ordinal);
        var credentials = _saved[5];
        Assert.StartsWith("shpat_", credentials.AccessToken, StringComparison.Ordinal);
        Assert.StartsWith("shprt_", credentials.RefreshToken, StringComparison.Ordinal);
        Assert.Equal(_time.GetUtcNow().AddHours(1), credentials.AccessTokenExpiresAt);
        Assert.NotEmpty(_shopify.WebhookSubscriptions);
    }

    [Fact]
    public async Task EnsureInstalled_KnownShopWithUsableToken_DoesNotExchangeAgain()
    {
        var install = Install();
        await install.EnsureInstalledAsync(Verified(), TestContext.Current.CancellationToken);
        _time.Advance(TimeSpan.FromMinutes(2));

        var again = await install.EnsureInstalledAsync(Verified(), TestContext.Current.CancellationToken);

        Assert.True(again.Succeeded);
        Assert.Single(_shopify.Requests, r => r.Path == "/admin/oauth/access_token");
        Assert.Equal(1, _upserts);
    }

    [Fact]
    public async Task EnsureInstalled_UninstalledShopOpenedAgain_InstallsItAgain()
    {
        var install = Install();
        await install.EnsureInstalledAsync(Verified(), TestContext.Current.CancellationToken);
        _stored = _stored! with { Status = StoreStatus.Uninstalled };
        _saved.Clear();

        var again = await install.EnsureInstalledAsync(Verified(), TestContext.Current.CancellationToken);

        Assert.True(again.Succeeded, again.Reason);
        Assert.Equal(StoreStatus.Active, again.Store!.Status);
        Assert.Equal(2, _shopify.Requests.Count(r => r.Path == "/admin/oauth/access_token"));
        Assert.True(_saved.ContainsKey(5));
    }

    [Fact]
    public async Task EnsureInstalled_ShopifyRefusesTheSessionToken_FailsAndSavesNothing()
    {
        // Verified by us within our 5 s of skew, but Shopify's endpoint allows none.
        var token = Verified();
        _time.Advance(TimeSpan.FromSeconds(62));

        var result = await Install().EnsureInstalledAsync(token, TestContext.Current.CancellationToken);

        Assert.Equal(ShopifyInstallError.TokenExchangeFailed, result.Error);
        Assert.Null(_stored);
        Assert.Empty(_saved);
    }

    [Fact]
    public async Task EnsureInstalled_GrantMissesARequiredScope_FailsAndSavesNothing()
    {
        var result = await Install(scopes: "read_orders,write_orders").EnsureInstalledAsync(Verified(), TestContext.Current.CancellationToken);

        Assert.Equal(ShopifyInstallError.ScopesNotGranted, result.Error);
        Assert.Contains("write_orders", result.Reason, StringComparison.Ordinal);
        Assert.Null(_stored);
    }

    [Fact]
    public async Task EnsureInstalled_TwoFirstRequestsAtOnce_ExchangeOnce()
    {
        var install = Install();
        var ct = TestContext.Current.CancellationToken;

        var results = await Task.WhenAll(install.EnsureInstalledAsync(Verified(), ct), install.EnsureInstalledAsync(Verified(), ct));

        Assert.All(results, r => Assert.True(r.Succeeded, r.Reason));
        Assert.Single(_shopify.Requests, r => r.Path == "/admin/oauth/access_token");
    }
}
