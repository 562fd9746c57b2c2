using System.Net;
using System.Text.Json;
using CartRecovery.Core.FeedHealth;
using CartRecovery.Core.Jobs;
using CartRecovery.Jobs.Connectors;

namespace CartRecovery.Web.Tests.Features.FeedHealth;

/// <summary>
/// <c>GET /api/stores/{id}/health</c> on a fake clock: a Paris shop's quiet weekend is normal, its silent Monday morning
/// is not, and its opening hours stay its local hours after France moves to summer time (the weekend in between).
/// </summary>
public sealed class StoreHealthApiTests : IDisposable
{
    private readonly CartRecoveryAppFactory _app = new();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Health_OnTheSundayAfterTheLastWebhook_SaysWebhooksAreFlowing()
    {
        var store = await ParisShop.CreateAsync(_app);
        _app.Time.SetUtcNow(ParisShop.Local(2027, 3, 28, 16, 0));

        var webhooks = Feed(await HealthAsync(store.Id), "webhooks");

        Assert.Equal("flowing", webhooks.GetProperty("state").GetString());
        Assert.Equal(0, webhooks.GetProperty("usualPerHour").GetDouble());
    }

    [Fact]
    public async Task Health_AtMondayOpeningInSummerTime_IsFlowingWithTheShopsUsualRate()
    {
        var store = await ParisShop.CreateAsync(_app);
        // 09:30 in Paris is 07:30 UTC now, which was 08:30 in Paris (closed) while the rhythm was learned.
        _app.Time.SetUtcNow(ParisShop.Local(2027, 3, 29, 9, 30));

        var health = await HealthAsync(store.Id);
        var webhooks = Feed(health, "webhooks");

        Assert.Equal("flowing", webhooks.GetProperty("state").GetString());
        Assert.Equal(2, webhooks.GetProperty("usualPerHour").GetDouble());
        Assert.Equal(ParisShop.LastWebhook, webhooks.GetProperty("lastEventAt").GetDateTimeOffset());
        Assert.Equal((long)(ParisShop.Local(2027, 3, 29, 9, 30) - ParisShop.LastWebhook).TotalSeconds, webhooks.GetProperty("silentForSeconds").GetInt64());
        Assert.True(health.GetProperty("healthy").GetBoolean());
        var latency = health.GetProperty("sendLatency");
        Assert.Equal(0, latency.GetProperty("sent").GetInt64());
        Assert.Equal(JsonValueKind.Null, latency.GetProperty("p99Seconds").ValueKind);
    }

    [Fact]
    public async Task Health_StillSilentAtMondayNoon_SaysWebhooksAreStale()
    {
        var store = await ParisShop.CreateAsync(_app);
        _app.Time.SetUtcNow(ParisShop.Local(2027, 3, 29, 12, 0));

        var health = await HealthAsync(store.Id);

        Assert.Equal("stale", Feed(health, "webhooks").GetProperty("state").GetString());
        Assert.False(health.GetProperty("healthy").GetBoolean());
    }

    [Fact]
    public async Task Health_WhenTheLastPollWasRefusedItsToken_SaysPollingIsBrokenByCredentials()
    {
        var store = await ParisShop.CreateAsync(_app);
        _app.Time.SetUtcNow(ParisShop.Local(2027, 3, 27, 17, 45));
        var runs = _app.Service<IJobRunRepository>();
        var key = PollStoreJob.KeyFor(store.Id);
        var id = await runs.StartAsync(new JobRun
        {
            JobGroup = key.Group, JobName = key.Name, InstanceId = "test", FireInstanceId = "1", StartedAt = _app.Time.GetUtcNow(),
        }, Ct);
        await runs.FinishAsync(id, _app.Time.GetUtcNow(), JobRunOutcome.Failed, PollFailure.CredentialsRefusedMark + "Shopify answered 401", null, Ct);

        var health = await HealthAsync(store.Id);
        var polling = Feed(health, "polling");

        Assert.Equal("broken", polling.GetProperty("state").GetString());
        Assert.Equal("credentials_refused", polling.GetProperty("problem").GetString());
        Assert.Equal("flowing", Feed(health, "webhooks").GetProperty("state").GetString());
        Assert.False(health.GetProperty("healthy").GetBoolean());
    }

    [Fact]
    public async Task Health_OfAStoreThatDoesNotExist_IsAProblem404()
    {
        var response = await _app.AdminClient().GetAsync("/api/stores/987654/health", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private async Task<JsonElement> HealthAsync(long storeId)
    {
        var response = await _app.AdminClient().GetAsync($"/api/stores/{storeId}/health", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.Clone();
    }

    private static JsonElement Feed(JsonElement health, string source) =>
        health.GetProperty("feeds").EnumerateArray().Single(f => f.GetProperty("source").GetString() == source);
}
