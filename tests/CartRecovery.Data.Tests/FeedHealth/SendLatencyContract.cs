using CartRecovery.Core.FeedHealth;
using Microsoft.Extensions.DependencyInjection;

namespace CartRecovery.Data.Tests.FeedHealth;

/// <summary>A store's send lateness over a span: nearest-rank p50 and p99 of sent minus due, that store's sends in that span only.</summary>
public abstract class SendLatencyContract : DatabaseContract
{
    private ISendLatencyQuery Latency => Db.Services.GetRequiredService<ISendLatencyQuery>();

    [Fact]
    public async Task Get_GivesTheMedianAndP99OfThatStoresSendsInTheSpan()
    {
        var store = await AddStoreAsync();
        var other = await AddStoreAsync("shop-2");
        for (var seconds = 1; seconds <= 10; seconds++)
            await SentAsync(store.Id, $"c-{seconds}", Now.AddHours(1), TimeSpan.FromSeconds(seconds));
        await SentAsync(store.Id, "c-yesterday", Now.AddHours(-1), TimeSpan.FromSeconds(1000));
        await SentAsync(other.Id, "c-other", Now.AddHours(1), TimeSpan.FromSeconds(500));

        var latency = await Latency.GetAsync(store.Id, Now, Now.AddDays(1), Ct);

        Assert.Equal(10, latency.Sent);
        Assert.Equal(TimeSpan.FromSeconds(5), latency.P50);
        Assert.Equal(TimeSpan.FromSeconds(10), latency.P99);
    }

    [Fact]
    public async Task Get_WithNothingSent_GivesNoPercentiles()
    {
        var store = await AddStoreAsync();
        await AddAbandonedCartAsync(store.Id, "c-due");

        Assert.Equal(new SendLatency(Now, Now.AddDays(1), 0, null, null), await Latency.GetAsync(store.Id, Now, Now.AddDays(1), Ct));
    }

    /// <summary>An abandoned cart's first step, sent at <paramref name="sentAt"/>, <paramref name="late"/> after it was due.</summary>
    private async Task SentAsync(long storeId, string externalId, DateTimeOffset sentAt, TimeSpan late)
    {
        var (_, messages) = await AddAbandonedCartAsync(storeId, externalId);
        await Db.ExecuteAsync("UPDATE messages SET due_at = @Due, sent_at = @Sent WHERE id = @Id",
            new { messages[0].Id, Due = (sentAt - late).ToUnixTimeMilliseconds(), Sent = sentAt.ToUnixTimeMilliseconds() });
    }
}
