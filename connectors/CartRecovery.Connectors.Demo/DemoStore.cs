using CartRecovery.Core.Stores;

namespace CartRecovery.Connectors.Demo;

/// <summary>The demo store's record. Its storefront is served by this app under <c>/demo/</c>.</summary>
public static class DemoStore
{
    public static Store Definition(Uri publicBaseUrl) => new()
    {
        Platform = Platforms.Demo,
        ExternalId = DemoCatalog.StoreKey,
        Name = "Alpine & Co. (demo)",
        StorefrontUrl = new Uri(publicBaseUrl, "demo/").AbsoluteUri,
        Currency = DemoCatalog.Currency,
        TimeZone = "Europe/Paris",
        Locale = "en",
        // Seconds instead of the real 15 minutes, so a newcomer sees the whole sequence in a minute.
        AbandonAfter = TimeSpan.FromSeconds(10),
        Sequence = Core.Sequences.SequencePresets.Demo.Name,
        SenderEmail = "hello@alpine-demo.example",
        SenderName = "Alpine & Co.",
    };

    public static async Task<Store> EnsureAsync(IStoreRepository stores, Uri publicBaseUrl, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(stores);
        return await stores.UpsertAsync(Definition(publicBaseUrl), ct);
    }
}
