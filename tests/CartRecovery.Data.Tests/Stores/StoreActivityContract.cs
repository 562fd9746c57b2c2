using CartRecovery.Core.Stores;
using Microsoft.Extensions.DependencyInjection;

namespace CartRecovery.Data.Tests.Stores;

/// <summary>
/// The health card's reading of a store's connection: its newest webhook and its newest cart posted by the capture
/// script, each of that store only; null while there has never been one.
/// </summary>
public abstract class StoreActivityContract : DatabaseContract
{
    private IStoreActivity Activity => Db.Services.GetRequiredService<IStoreActivity>();

    [Fact]
    public async Task Get_AStoreWithNothingYet_GivesNullForBoth()
    {
        var store = await AddStoreAsync();
        await AddCartAsync(store.Id, "checkout-1", Now);

        Assert.Equal(new StoreActivity(null, null), await Activity.GetAsync(store.Id, Ct));
    }

    [Fact]
    public async Task Get_GivesTheNewestWebhookAndCapturedCartOfThatStoreOnly()
    {
        var store = await AddStoreAsync();
        var other = await AddStoreAsync("shop-2");
        await AcceptWebhookAsync(store.Id, "old", Now);
        await AcceptWebhookAsync(store.Id, "new", Now.AddHours(2));
        await AcceptWebhookAsync(other.Id, "other", Now.AddHours(5));
        await AddCartAsync(store.Id, "capture:abc", Now.AddHours(1));
        await AddCartAsync(store.Id, "capture:abc", Now.AddHours(3));
        await AddCartAsync(store.Id, "checkout-9", Now.AddHours(4));
        await AddCartAsync(other.Id, "capture:xyz", Now.AddHours(6));

        var activity = await Activity.GetAsync(store.Id, Ct);

        Assert.Equal(Now.AddHours(2), activity.LastWebhookAt);
        Assert.Equal(Now.AddHours(3), activity.LastCaptureAt);
    }
}
