using System.Net;
using CartRecovery.Data.Connections;
using Dapper;

namespace CartRecovery.Web.Tests.Features.Health;

public sealed class HealthEndpointTests
{
    [Fact]
    public async Task Healthz_WhenMigratedAndSchedulerRuns_Is200AndJobsAreStoredInTheDatabase()
    {
        using var app = new CartRecoveryAppFactory(jobsEnabled: true, fakeClock: false);
        var client = app.BrowserClient();
        var ct = TestContext.Current.CancellationToken;

        Assert.Equal(HttpStatusCode.OK, await WaitForHealthyAsync(client));
        await using var db = await app.Service<IDbConnectionFactory>().OpenAsync(ct);
        var jobs = (await db.QueryAsync<string>("SELECT JOB_NAME FROM QRTZ_JOB_DETAILS ORDER BY JOB_NAME")).ToList();
        Assert.Equal(["charge-usage", "check-feeds", "detect-abandoned-carts", "process-webhooks", "purge-expired-data", "roll-up-metrics", "send-due-messages", "sync-store-polls"], jobs);
    }

    [Fact]
    public async Task Healthz_WhenTheSchedulerShouldRunButStandsBy_Is503()
    {
        using var app = new CartRecoveryAppFactory(jobsEnabled: true, fakeClock: false);
        var schedulers = await app.Service<Quartz.ISchedulerFactory>().GetAllSchedulers(TestContext.Current.CancellationToken);
        var scheduler = schedulers.Single(s => s.SchedulerName == "CartRecovery");
        // Wait (bounded) for the host to start it and report healthy, then stop it behind the app's back.
        Assert.Equal(HttpStatusCode.OK, await WaitForHealthyAsync(app.BrowserClient()));
        await scheduler.Standby(TestContext.Current.CancellationToken);

        var response = await app.BrowserClient().GetAsync("/healthz", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    /// <summary>The scheduler starts once the host has started, on a background task: give it a bounded moment.</summary>
    private static async Task<HttpStatusCode> WaitForHealthyAsync(HttpClient client)
    {
        var ct = TestContext.Current.CancellationToken;
        var response = await client.GetAsync("/healthz", ct);
        for (var i = 0; i < 100 && response.StatusCode != HttpStatusCode.OK; i++)
        {
            await Task.Delay(100, ct);
            response = await client.GetAsync("/healthz", ct);
        }
        return response.StatusCode;
    }
}
