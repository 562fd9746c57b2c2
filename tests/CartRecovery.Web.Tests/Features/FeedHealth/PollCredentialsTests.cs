using System.Reflection;
using CartRecovery.Core.FeedHealth;
using CartRecovery.Core.Jobs;
using CartRecovery.Core.Stores;
using CartRecovery.Jobs.Connectors;
using CartRecovery.Jobs.FeedHealth;
using CartRecovery.Web.Tests.Features.WooCommerce;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace CartRecovery.Web.Tests.Features.FeedHealth;

/// <summary>
/// A WooCommerce poll whose keys the shop refuses (401, as WooCommerce answers revoked keys) is recorded with the
/// credentials mark, so the polling feed reads as broken by refused credentials, not as an outage.
/// </summary>
public sealed class PollCredentialsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Poll_RefusedItsKeys_IsRecordedSoThePollingFeedIsBrokenByCredentials()
    {
        await using var host = await WooCommerceHost.StartAsync();
        var (_, store) = await host.ConnectAsync();
        Assert.NotNull(store);
        host.Shop.FailNext(5, 401, "woocommerce_rest_authentication_error", "Consumer key is invalid.");

        var failure = await Assert.ThrowsAsync<JobExecutionException>(async () =>
            await ActivatorUtilities.CreateInstance<PollStoreJob>(host.App.Services).Execute(Context(store.Id), Ct));
        // What the job history keeps (JobRunRecorder records the cause's message), recorded as the listener would.
        var runs = host.App.Service<IJobRunRepository>();
        var key = PollStoreJob.KeyFor(store.Id);
        var id = await runs.StartAsync(new JobRun
        {
            JobGroup = key.Group, JobName = key.Name, InstanceId = "test", FireInstanceId = "1", StartedAt = host.App.Time.GetUtcNow(),
        }, Ct);
        await runs.FinishAsync(id, host.App.Time.GetUtcNow(), JobRunOutcome.Failed, failure.InnerException!.Message, null, Ct);

        var polling = (await host.App.Service<StoreFeeds>().CheckAsync(store, null, Ct)).Single(f => f.Source == FeedSource.Polling);

        Assert.StartsWith(PollFailure.CredentialsRefusedMark, failure.InnerException.Message, StringComparison.Ordinal);
        Assert.Equal((FeedState.Broken, FeedProblem.CredentialsRefused), (polling.State, polling.Problem));
    }

    private static IJobExecutionContext Context(long storeId)
    {
        var context = DispatchProxy.Create<IJobExecutionContext, PollContext>();
        ((PollContext)(object)context).Data = new JobDataMap { [PollStoreJob.StoreIdKey] = storeId };
        return context;
    }

    /// <summary>The two members a poll uses: its merged data (the store id) and the result it sets.</summary>
    public class PollContext : DispatchProxy
    {
        internal JobDataMap Data { get; set; } = [];

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) => targetMethod?.Name switch
        {
            "get_MergedJobDataMap" => Data,
            "set_Result" => null,
            _ => throw new NotSupportedException(targetMethod?.Name),
        };
    }
}
