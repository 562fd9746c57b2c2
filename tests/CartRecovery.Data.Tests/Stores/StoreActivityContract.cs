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
        await AddCartAsync(store.Id, "checkout-1", T0);

        Assert.Equal(new StoreActivity(null, null), await Activity.GetAsync(store.Id, Ct));
    }

    [Fact]
    public async Task Get_GivesTheNewestWebhookAndCapturedCartOfThatStoreOnly()
    {
        var store = await AddStoreAsync();
        var other = await AddStoreAsync("shop-2");
        await AcceptWebhookAsync(store.Id, "old", T0);
        await AcceptWebhookAsync(store.Id, "new", T0.AddHours(2));
        await AcceptWebhookAsync(other.Id, "other", T0.AddHours(5));
        await AddCartAsync(store.Id, "capture:abc", T0.AddHours(1));
        await AddCartAsync(store.Id, "capture:abc", T0.AddHours(3));
        await AddCartAsync(store.Id, "checkout-9", T0.AddHours(4));
        await AddCartAsync(other.Id, "capture:xyz", T0.AddHours(6));

        var activity = await Activity.GetAsync(store.Id, Ct);

        Assert.Equal(T0.AddHours(2), activity.LastWebhookAt);
        Assert.Equal(T0.AddHours(3), activity.LastCaptureAt);
    }
}
