using CartRecovery.Core.FeedHealth;
using Microsoft.Extensions.DependencyInjection;

namespace CartRecovery.Data.Tests.FeedHealth;

/// <summary>
/// The feed check's reading of a store's feeds: webhook deliveries and carts counted per UTC hour within the span asked
/// for, captured carts apart from the platform's checkouts, each of that store only.
/// </summary>
public abstract class FeedActivityContract : DatabaseContract
{
    private IFeedActivity Activity => Db.Services.GetRequiredService<IFeedActivity>();

    [Fact]
    public async Task EventsPerHour_CountsEachSourceOfThatStoreWithinTheSpan()
    {
        var store = await AddStoreAsync();
        var other = await AddStoreAsync("shop-2");
        var hour = new DateTimeOffset(Now.Year, Now.Month, Now.Day, Now.Hour, 0, 0, TimeSpan.Zero);
        await AcceptWebhookAsync(store.Id, "a", hour.AddMinutes(5));
        await AcceptWebhookAsync(store.Id, "b", hour.AddMinutes(55));
        await AcceptWebhookAsync(store.Id, "c", hour.AddHours(1).AddMinutes(1));
        await AcceptWebhookAsync(store.Id, "late", hour.AddHours(2));
        await AcceptWebhookAsync(other.Id, "other", hour.AddMinutes(10));
        await AddCartAsync(store.Id, "checkout-1", hour.AddMinutes(20));
        await AddCartAsync(store.Id, "capture:x", hour.AddMinutes(30));

        var webhooks = await Activity.EventsPerHourAsync(store.Id, FeedSource.Webhooks, hour, hour.AddHours(2), Ct);
        var checkouts = await Activity.EventsPerHourAsync(store.Id, FeedSource.Polling, hour, hour.AddHours(2), Ct);
        var captured = await Activity.EventsPerHourAsync(store.Id, FeedSource.Capture, hour, hour.AddHours(2), Ct);

        Assert.Equal(new Dictionary<DateTimeOffset, int> { [hour] = 2, [hour.AddHours(1)] = 1 }, webhooks);
        Assert.Equal(new Dictionary<DateTimeOffset, int> { [hour] = 1 }, checkouts);
        Assert.Equal(new Dictionary<DateTimeOffset, int> { [hour] = 1 }, captured);
    }

    [Fact]
    public async Task LastEvent_IsTheNewestOfThatSourceAndStore_OrNull()
    {
        var store = await AddStoreAsync();
        var other = await AddStoreAsync("shop-2");
        await AcceptWebhookAsync(store.Id, "old", Now);
        await AcceptWebhookAsync(store.Id, "new", Now.AddHours(2));
        await AcceptWebhookAsync(other.Id, "other", Now.AddHours(5));
        await AddCartAsync(store.Id, "checkout-1", Now.AddHours(1));

        Assert.Equal(Now.AddHours(2), await Activity.LastEventAsync(store.Id, FeedSource.Webhooks, Ct));
        Assert.NotNull(await Activity.LastEventAsync(store.Id, FeedSource.Polling, Ct));
        Assert.Null(await Activity.LastEventAsync(store.Id, FeedSource.Capture, Ct));
    }
}
