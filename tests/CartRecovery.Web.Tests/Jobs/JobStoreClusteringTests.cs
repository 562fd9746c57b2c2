using CartRecovery.Jobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Quartz;

namespace CartRecovery.Web.Tests.Jobs;

/// <summary>The job store follows Storage:Provider, and is clustered exactly on the engines several nodes can share.</summary>
public sealed class JobStoreClusteringTests
{
    [Theory]
    [InlineData("postgres", "Host=127.0.0.1;Database=cartrecovery")]
    [InlineData("SqlServer", "Server=127.0.0.1;Database=cartrecovery")]
    public void AddCartRecoveryJobs_OnAServerEngine_ClustersWithTheConfiguredCheckinAndAGeneratedInstanceId(string provider, string connectionString)
    {
        using var services = Build(provider, connectionString, new()
        {
            ["Jobs:ClusterCheckinInterval"] = "00:00:02",
            ["Jobs:ClusterCheckinMisfireThreshold"] = "00:00:03",
        });

        var clustering = services.GetRequiredService<IOptions<ClusteringOptions>>().Value;
        Assert.True(clustering.Enabled);
        Assert.Equal(TimeSpan.FromSeconds(2), clustering.CheckinInterval);
        Assert.Equal(TimeSpan.FromSeconds(3), clustering.CheckinMisfireThreshold);
        var scheduler = services.GetRequiredService<IOptions<QuartzSchedulerOptions>>().Value;
        Assert.True(scheduler.GenerateInstanceId);
        Assert.Equal(JobsServiceCollectionExtensions.SchedulerName, scheduler.InstanceName);
    }

    [Fact]
    public void AddCartRecoveryJobs_OnSqlite_IsNotClustered()
    {
        using var services = Build("sqlite", "Data Source=:memory:", []);

        Assert.False(services.GetRequiredService<IOptions<ClusteringOptions>>().Value.Enabled);
    }

    [Fact]
    public void AddCartRecoveryJobs_WithAnUnknownProvider_FailsNamingTheKey()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
        {
            using var services = Build("oracle", "x", []);
            _ = services.GetRequiredService<IOptions<ClusteringOptions>>().Value;
        });

        Assert.Contains("Storage:Provider", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(string provider, string connectionString, Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddCartRecoveryJobs(configuration, provider, connectionString).BuildServiceProvider();
    }
}
