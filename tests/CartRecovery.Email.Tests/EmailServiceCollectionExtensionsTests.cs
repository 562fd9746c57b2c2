using CartRecovery.Core.Email;
using CartRecovery.Email.Pickup;
using CartRecovery.Email.Templates;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CartRecovery.Email.Tests;

public sealed class EmailServiceCollectionExtensionsTests
{
    [Fact]
    public void AddCartRecoveryEmail_WithoutSettings_UsesComposerAndPickupFolderUnderCurrentDirectory()
    {
        using var provider = Build([]);

        provider.GetRequiredService<IStartupValidator>().Validate();
        Assert.IsType<FluidEmailComposer>(provider.GetRequiredService<IEmailComposer>());
        var transport = Assert.IsType<PickupFolderTransport>(provider.GetRequiredService<IEmailTransport>());
        Assert.Equal(Path.Combine(Environment.CurrentDirectory, "data", "pickup"), transport.PickupDirectory);
    }

    [Fact]
    public void AddCartRecoveryEmail_WhenPickupDirectoryIsSet_UsesThatFolder()
    {
        var directory = Path.Combine(Path.GetTempPath(), "cartrecovery-email-tests", "configured");
        using var provider = Build(new() { ["Email:PickupDirectory"] = directory });

        var transport = Assert.IsType<PickupFolderTransport>(provider.GetRequiredService<IEmailTransport>());

        Assert.Equal(directory, transport.PickupDirectory);
    }

    [Theory]
    [InlineData("smtp")]
    [InlineData("postmark")]
    [InlineData("")]
    public void AddCartRecoveryEmail_WhenTransportIsUnsupported_FailsStartupNamingTheKey(string transport)
    {
        using var provider = Build(new() { ["Email:Transport"] = transport });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Email:Transport", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddCartRecoveryEmail_WhenPickupDirectoryIsBlank_FailsStartupNamingTheKey()
    {
        using var provider = Build(new() { ["Email:PickupDirectory"] = " " });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Email:PickupDirectory", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddCartRecoveryEmail_RegistersAHostedServiceThatBuildsTheComposerAtStartup()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddCartRecoveryEmail();
        // A catalog that can't satisfy the shipped sequences makes the composer throw when it is built.
        services.AddSingleton(_ => TemplateCatalog.FromFiles(Templates.TemplateCatalogTests.MinimalFiles("reminder")));
        using var provider = services.BuildServiceProvider();

        Assert.Throws<InvalidOperationException>(() => provider.GetServices<IHostedService>().ToList());
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddCartRecoveryEmail();
        return services.BuildServiceProvider();
    }
}
