using CartRecovery.Core.FeedHealth;
using Microsoft.Extensions.DependencyInjection;

namespace CartRecovery.Data.Tests.FeedHealth;

/// <summary>One open alarm per store feed: raising it again changes nothing, it can be changed and marked told, and cleared once.</summary>
public abstract class FeedAlarmRepositoryContract : DatabaseContract
{
    private IFeedAlarmRepository Alarms => Db.Services.GetRequiredService<IFeedAlarmRepository>();

    [Fact]
    public async Task Raise_Change_Notify_Clear_KeepOneAlarmPerStoreAndSource()
    {
        var store = await AddStoreAsync();
        var other = await AddStoreAsync("shop-2");
        var alarm = new FeedAlarm(store.Id, FeedSource.Webhooks, FeedState.Stale, FeedProblem.None, Now, null);

        Assert.True(await Alarms.RaiseAsync(alarm, Ct));
        Assert.False(await Alarms.RaiseAsync(alarm with { State = FeedState.Broken, RaisedAt = Now.AddHours(1) }, Ct));
        Assert.True(await Alarms.RaiseAsync(alarm with { StoreId = other.Id }, Ct));
        Assert.True(await Alarms.ChangeAsync(store.Id, FeedSource.Webhooks, FeedState.Broken, FeedProblem.SubscriptionsMissing, Ct));
        Assert.True(await Alarms.MarkNotifiedAsync(store.Id, FeedSource.Webhooks, Now.AddMinutes(1), Ct));

        Assert.Equal([alarm with { State = FeedState.Broken, Problem = FeedProblem.SubscriptionsMissing, NotifiedAt = Now.AddMinutes(1) }],
            await Alarms.ListAsync(store.Id, Ct));
        Assert.True(await Alarms.ClearAsync(store.Id, FeedSource.Webhooks, Ct));
        Assert.False(await Alarms.ClearAsync(store.Id, FeedSource.Webhooks, Ct));
        Assert.False(await Alarms.MarkNotifiedAsync(store.Id, FeedSource.Webhooks, Now, Ct));
        Assert.Empty(await Alarms.ListAsync(store.Id, Ct));
        Assert.Single(await Alarms.ListAsync(other.Id, Ct));
    }
}
