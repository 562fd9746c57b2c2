using CartRecovery.Connectors.Shopify;
using CartRecovery.Connectors.Shopify.Auth;
using CartRecovery.Core.Billing;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Email;
using CartRecovery.Core.Messages;
using CartRecovery.Core.Outbound;
using CartRecovery.Core.Privacy;
using CartRecovery.Core.Recovery;
using CartRecovery.Core.Storefronts;
using CartRecovery.Core.Stores;
using CartRecovery.Core.Tasks;
using CartRecovery.Core.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Moq;

namespace CartRecovery.Connectors.Tests.Shopify;

public sealed class ShopifyServiceCollectionExtensionsTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddLogging();
        services.AddSingleton(Mock.Of<ICartRepository>());
        services.AddSingleton(Mock.Of<IMessageRepository>());
        services.AddSingleton(Mock.Of<IFollowUpTaskRepository>());
        services.AddSingleton(Mock.Of<IStoreRepository>());
        services.AddSingleton(Mock.Of<IStoreCredentialRepository>());
        services.AddSingleton(Mock.Of<IConnectorStateRepository>());
        services.AddSingleton(Mock.Of<IPrivacyRepository>());
        services.AddSingleton(Mock.Of<CartRecovery.Core.Accounts.IAccountRepository>());
        services.AddSingleton(new RecoveryOptions());
        services.AddSingleton(new OutboundOptions());
        services.AddSingleton<CartIngestion>();
        services.AddSingleton(Mock.Of<IEmailTransport>());
        services.AddSingleton<DataErasure>();
        services.AddSingleton(Mock.Of<ISubscriptionRepository>());
        services.AddSingleton(new BillingOptions());
        services.AddSingleton<PlanGate>();
        services.AddSingleton<PlanSubscriptions>();
        services.AddSingleton<StoreLifecycle>();
        services.AddShopifyConnector();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    [Fact]
    public void AddShopifyConnector_WithCorePorts_ResolvesTheConnectorForEveryPort()
    {
        using var provider = Build(new() { ["Shopify:ClientId"] = "id", ["Shopify:ClientSecret"] = "secret" });

        Assert.Equal(Platforms.Shopify, Assert.Single(provider.GetServices<IStorefront>()).Platform);
        Assert.Equal(Platforms.Shopify, Assert.Single(provider.GetServices<IStorePoller>()).Platform);
        Assert.Equal(Platforms.Shopify, Assert.Single(provider.GetServices<IWebhookHandler>()).Platform);
        Assert.Equal(Platforms.Shopify, Assert.Single(provider.GetServices<IStoreConnector>()).Platform);
        Assert.IsType<CartRecovery.Connectors.Shopify.Embedded.ShopifyEmbeddedSignIn>(provider.GetRequiredService<CartRecovery.Core.Accounts.IEmbeddedSignIn>());
        var admin = provider.GetRequiredService<CartRecovery.Core.Pages.EmbeddedAdmin>();
        Assert.Equal("https://acme.myshopify.com https://admin.shopify.com", admin.FrameAncestors("acme.myshopify.com"));
        Assert.Contains("""<meta name="shopify-api-key" content="id">""", admin.HeadHtml, StringComparison.Ordinal);
        Assert.NotNull(provider.GetRequiredService<ShopifyInstallFlow>());
        Assert.NotNull(provider.GetRequiredService<ShopifyOnboarding>());
        Assert.Same(provider.GetRequiredService<IStorefront>(), provider.GetRequiredService<CartRecovery.Connectors.Shopify.Offers.ShopifyStorefront>());
    }

    [Fact]
    public void AddShopifyConnector_BindsTheShopifySection()
    {
        using var provider = Build(new() { ["Shopify:ApiVersion"] = "2026-07", ["Shopify:ApiBaseUrl"] = "http://127.0.0.1:5123/" });
        var options = provider.GetRequiredService<IOptions<ShopifyOptions>>().Value;
        Assert.Equal("2026-07", options.ApiVersion);
        Assert.Equal(new Uri("http://127.0.0.1:5123/"), options.ApiBaseUrl);
        Assert.False(options.IsConfigured);
        Assert.Equal(TimeSpan.FromSeconds(90), options.InstallTimestampTolerance);
    }

    [Fact]
    public void AddShopifyConnector_ApiVersionNotAQuarterlyRelease_FailsNamingTheKey()
    {
        using var provider = Build(new() { ["Shopify:ApiVersion"] = "2026-05" });
        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ShopifyOptions>>().Value);
        Assert.Contains("Shopify:ApiVersion", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddShopifyConnector_HttpClients_Resolve()
    {
        using var provider = Build(new());
        // Resolving both typed clients proves their handler pipelines build (standard resilience options validate).
        Assert.NotNull(provider.GetRequiredService<CartRecovery.Connectors.Shopify.Admin.ShopifyAdminClient>());
        Assert.NotNull(provider.GetRequiredService<ShopifyOAuthClient>());
        Assert.NotNull(provider.GetRequiredService<ILoggerFactory>());
    }
}
