using CartRecovery.Connectors.WooCommerce;
using CartRecovery.Connectors.WooCommerce.Api;
using CartRecovery.Connectors.WooCommerce.Connect;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Messages;
using CartRecovery.Core.Outbound;
using CartRecovery.Core.Recovery;
using CartRecovery.Core.Storefronts;
using CartRecovery.Core.Stores;
using CartRecovery.Core.Tasks;
using CartRecovery.Testing.Emulators.WooCommerce;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace CartRecovery.Connectors.Tests.WooCommerce.Support;

/// <summary>
/// The connector wired as the host wires it (<see cref="WooCommerceServiceCollectionExtensions.AddWooCommerceConnector"/>,
/// real HTTP pipeline), with in-memory ports, against a fresh emulator. By default the shop's home URL is
/// <c>http://shop.test</c> (OAuth signatures must cover it) while requests go to the emulator's loopback port.
/// </summary>
internal sealed class WooCommerceTestKit : IAsyncDisposable
{
    public static readonly Uri DefaultHome = new("http://shop.test");

    private WooCommerceTestKit(WooCommerceEmulator emulator, ServiceProvider services)
    {
        Emulator = emulator;
        Services = services;
    }

    public WooCommerceEmulator Emulator { get; }
    public ServiceProvider Services { get; }
    public InMemoryStores Stores => Services.GetRequiredService<InMemoryStores>();
    public InMemoryCartRepository Carts => Services.GetRequiredService<InMemoryCartRepository>();
    public RecoveryOptions Recovery => Services.GetRequiredService<RecoveryOptions>();

    public static async Task<WooCommerceTestKit> StartAsync(
        WooCommerceEmulatorOptions? emulatorOptions = null,
        Action<WooCommerceOptions>? configure = null,
        TimeProvider? time = null,
        Uri? publicBaseUrl = null,
        OutboundOptions? outbound = null)
    {
        var emulator = await WooCommerceEmulator.StartAsync(emulatorOptions ?? new WooCommerceEmulatorOptions { HomeUrl = DefaultHome }, TestContext.Current.CancellationToken);
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddLogging();
        if (time is not null)
            services.AddSingleton(time);
        services.AddWooCommerceConnector();
        services.Configure<WooCommerceOptions>(o =>
        {
            o.RetryBaseDelay = TimeSpan.FromMilliseconds(5);
            o.RequestTimeout = TimeSpan.FromSeconds(10);
            configure?.Invoke(o);
        });
        // The emulator is a loopback http shop: the outbound policy allows it here (tests pass new OutboundOptions() for the defaults).
        services.AddSingleton(outbound ?? new OutboundOptions { AllowHttp = true, AllowPrivateNetworks = true });
        services.AddSingleton<InMemoryStores>();
        services.AddSingleton<IStoreRepository>(sp => sp.GetRequiredService<InMemoryStores>());
        services.AddSingleton<IStoreCredentialRepository>(sp => sp.GetRequiredService<InMemoryStores>());
        services.AddSingleton<IConnectorStateRepository>(sp => sp.GetRequiredService<InMemoryStores>());
        services.AddSingleton<InMemoryCartRepository>();
        services.AddSingleton<ICartRepository>(sp => sp.GetRequiredService<InMemoryCartRepository>());
        var messages = new Mock<IMessageRepository>();
        messages.Setup(m => m.ListForCartAsync(It.IsAny<long>(), It.IsAny<CancellationToken>())).ReturnsAsync([]);
        services.AddSingleton(messages.Object);
        services.AddSingleton(new Mock<IFollowUpTaskRepository>().Object);
        // What the connect pages need from the host (those pages are tested through the host, WooCommerceConnect*Tests).
        services.AddSingleton(Mock.Of<CartRecovery.Core.Accounts.IAccountRepository>());
        services.AddSingleton(Mock.Of<CartRecovery.Core.Accounts.IPersonSignIn>());
        services.AddSingleton(Mock.Of<IPendingConnectionRepository>());
        // Port 9 (discard) refuses connections at once: webhook pings to it fail fast, as to an unreachable host.
        services.AddSingleton(new RecoveryOptions { PublicBaseUrl = publicBaseUrl ?? new Uri("http://127.0.0.1:9/") });
        services.AddSingleton<CartIngestion>();
        return new WooCommerceTestKit(emulator, services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true }));
    }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>A store already connected to the emulator (key created, credentials saved), without going through connect.</summary>
    public async Task<(Store Store, EmulatedApiKey Key)> SeedStoreAsync(string permissions = "read_write", StoreStatus status = StoreStatus.Active)
    {
        var key = Emulator.AddApiKey(permissions);
        var store = await Stores.UpsertAsync(new Store
        {
            Platform = Platforms.WooCommerce,
            ExternalId = WooCommerceSiteUrl.ExternalId(Emulator.HomeUrl),
            Name = "Emulated Outfitters",
            StorefrontUrl = Emulator.HomeUrl.AbsoluteUri,
            Currency = "EUR",
            SenderEmail = "shop@emulated-outfitters.test",
            SenderName = "Emulated Outfitters",
            ApiBaseUrl = Emulator.BaseUrl.AbsoluteUri,
            Status = status,
        }, TestContext.Current.CancellationToken);
        var connection = Connection(key);
        await Stores.SaveAsync(new StoreCredentials
        {
            StoreId = store.Id,
            AccessToken = key.ConsumerKey,
            Extra = new Dictionary<string, string>
            {
                [WooCommerceStoreConnections.ConsumerSecretKey] = connection.ConsumerSecret,
                [WooCommerceStoreConnections.WebhookSecretKey] = "whsec-test",
            },
        }, TestContext.Current.CancellationToken);
        return (store, key);
    }

    public WooCommerceConnection Connection(EmulatedApiKey key) => new(Emulator.HomeUrl, key.ConsumerKey, key.ConsumerSecret, Emulator.BaseUrl);

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Emulator.DisposeAsync();
    }
}
