using CartRecovery.Core.CrossSell;
using CartRecovery.Core.Storefronts;
using Microsoft.Extensions.DependencyInjection;

namespace CartRecovery.Connectors.Demo;

public static class DemoServiceCollectionExtensions
{
    /// <summary>Registers the demo connector. Its storefront is always known (links of demo carts keep working);
    /// the shop only plays itself when <see cref="DemoOptions.Enabled"/> (the host seeds the store then).</summary>
    public static IServiceCollection AddDemoConnector(this IServiceCollection services)
    {
        services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section);
        services.AddSingleton<DemoLedger>();
        services.AddSingleton<DemoShop>();
        services.AddSingleton<DemoHistory>();
        services.AddSingleton<IStorefront, DemoStorefront>();
        services.AddSingleton<IRelatedProductSource, DemoRelatedProducts>();
        services.AddSingleton<IStorePoller, DemoPoller>();
        return services;
    }
}
