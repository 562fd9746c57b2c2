using CartRecovery.Core.Storefronts;
using CartRecovery.Core.Stores;
using Microsoft.Extensions.Options;

namespace CartRecovery.Connectors.Demo;

/// <summary>For the demo store, "polling the platform" means letting its shoppers act.</summary>
public sealed class DemoPoller(DemoShop shop, IOptions<DemoOptions> options) : IStorePoller
{
    public string Platform => Platforms.Demo;

    // A demo store left in the database by an earlier demo run stays quiet unless the demo is switched on.
    public Task<int> PollAsync(Store store, CancellationToken ct) =>
        options.Value.Enabled ? shop.TickAsync(store, ct) : Task.FromResult(0);
}
