using CartRecovery.Connectors.Shopify;
using CartRecovery.Connectors.Shopify.Admin;
using CartRecovery.Connectors.Shopify.Auth;
using CartRecovery.Core.Stores;
using CartRecovery.Testing;
using CartRecovery.Testing.Emulators.Shopify;
using Microsoft.Extensions.Options;
using Moq;

namespace CartRecovery.Connectors.Tests.Shopify;

/// <summary>The connector's API of a store connected to a Shopify emulator over loopback, with one non-expiring offline token.</summary>
internal static class EmulatorStoreApi
{
    public static ShopifyStoreApi Create(ShopifyEmulator shop, HttpClient http)
    {
        var options = Options.Create(new ShopifyOptions { ClientId = shop.ClientId, ClientSecret = shop.ClientSecret, ApiBaseUrl = shop.BaseUrl });
        var token = shop.IssueOfflineToken(expiring: false).AccessToken;
        var credentials = new Mock<IStoreCredentialRepository>();
        credentials.Setup(c => c.GetAsync(It.IsAny<long>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((long id, CancellationToken _) => new StoreCredentials { StoreId = id, AccessToken = token, UpdatedAt = FixtureTime.Now });
        var tokens = new ShopifyTokenProvider(credentials.Object, new ShopifyOAuthClient(http, options), options, TimeProvider.System);
        return new ShopifyStoreApi(new ShopifyAdminClient(http, options, TimeProvider.System), tokens, options);
    }
}
