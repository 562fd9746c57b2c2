using CartRecovery.Web.Hosting;
using Microsoft.Extensions.Configuration;

namespace CartRecovery.Web.Tests.Hosting;

public sealed class DemoModeTests
{
    private static ConfigurationManager Configuration(params (string Key, string? Value)[] settings)
    {
        var configuration = new ConfigurationManager();
        configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        return configuration;
    }

    [Fact]
    public void Apply_WhenTheDemoRuns_AllowsPlainHttpForItsLoopbackShopButNotPrivateNetworks()
    {
        var configuration = Configuration(("Demo:Enabled", "true"));

        DemoMode.Apply(configuration);

        Assert.Equal("true", configuration["Outbound:AllowHttp"]);
        Assert.Null(configuration["Outbound:AllowPrivateNetworks"]);
    }

    [Fact]
    public void Apply_WhenTheOperatorSaysOtherwise_KeepsTheirSetting()
    {
        var configuration = Configuration(("Demo:Enabled", "true"), ("Outbound:AllowHttp", "false"));

        DemoMode.Apply(configuration);

        Assert.Equal("false", configuration["Outbound:AllowHttp"]);
    }

    [Fact]
    public void Apply_WithoutTheDemo_AllowsNothing()
    {
        var configuration = Configuration(("Demo:Enabled", "false"));

        DemoMode.Apply(configuration);

        Assert.Null(configuration["Outbound:AllowHttp"]);
    }
}
