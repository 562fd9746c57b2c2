using CartRecovery.Core.Sms;
using CartRecovery.Core.Stores;

namespace CartRecovery.Connectors.Demo;

/// <summary>The demo store's record. Its storefront is served by this app under <c>/demo/</c>.</summary>
public static class DemoStore
{
    /// <param name="now">Becomes the store's creation time the first time it is stored (an upsert keeps the first).</param>
    public static Store Definition(Uri publicBaseUrl, DateTimeOffset now) => new()
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
        CreatedAt = now,
    };

    /// <summary>
    /// Texts on for customers who ticked the SMS box, from a French number, so the demo writes <c>.sms.json</c> files
    /// beside its emails. Only with the pickup transport: demo shoppers' numbers are made up and must never reach a phone.
    /// </summary>
    public static readonly SmsSettings Texts = new()
    {
        Enabled = true,
        Country = "FR",
        Consent = SmsConsentRule.OptedInOnly,
        FromNumber = "+33612000000",
    };

    public static async Task<Store> EnsureAsync(IStoreRepository stores, Uri publicBaseUrl, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(stores);
        return await stores.UpsertAsync(Definition(publicBaseUrl, now), ct);
    }
}
