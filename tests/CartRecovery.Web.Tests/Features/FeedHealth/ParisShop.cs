using CartRecovery.Core.Stores;
using CartRecovery.Core.Webhooks;

namespace CartRecovery.Web.Tests.Features.FeedHealth;

/// <summary>
/// A Shopify shop in Paris whose webhooks come in during opening hours only (Monday to Saturday, 09:00–18:00 local, two
/// an hour) for the four weeks before Saturday 27 March 2027 18:00; France moves to summer time that night.
/// </summary>
internal static class ParisShop
{
    public static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    /// <summary>The last webhook: Saturday 27 March 2027, 17:30 in Paris.</summary>
    public static readonly DateTimeOffset LastWebhook = Local(2027, 3, 27, 17, 30);

    public static async Task<Store> CreateAsync(CartRecoveryAppFactory app, string externalId = "paris-shop.myshopify.com")
    {
        var store = await app.Service<IStoreRepository>().UpsertAsync(new Store
        {
            Platform = Platforms.Shopify,
            ExternalId = externalId,
            Name = "Boutique de Paris",
            StorefrontUrl = $"https://{externalId}/",
            Currency = "EUR",
            TimeZone = "Europe/Paris",
            Locale = "fr",
            SenderEmail = "bonjour@paris.example",
            SenderName = "Boutique de Paris",
            CreatedAt = new DateTimeOffset(2027, 2, 1, 0, 0, 0, TimeSpan.Zero),
        }, CancellationToken.None);
        var inbox = app.Service<IWebhookInbox>();
        var n = 0;
        for (var hour = new DateTimeOffset(2027, 2, 27, 0, 0, 0, TimeSpan.Zero); hour <= LastWebhook; hour = hour.AddMinutes(30))
        {
            var local = TimeZoneInfo.ConvertTime(hour, Paris);
            if (local.DayOfWeek == DayOfWeek.Sunday || local.Hour is < 9 or >= 18)
                continue;
            await inbox.AcceptAsync(new WebhookDelivery
            {
                Platform = Platforms.Shopify, DeliveryId = $"{externalId}-{n++}", Topic = "checkouts/update", StoreId = store.Id, Body = "{}",
                ReceivedAt = hour, Status = WebhookStatus.Processed,
            }, CancellationToken.None);
        }
        return store;
    }

    public static DateTimeOffset Local(int year, int month, int day, int hour, int minute)
    {
        var wall = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(wall, Paris.GetUtcOffset(wall));
    }
}
