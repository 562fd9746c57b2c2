using CartRecovery.Core.Email;
using CartRecovery.Email.Pickup;
using CartRecovery.Email.Preview;
using CartRecovery.Email.Smtp;
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
    [InlineData("sendgrid")]
    [InlineData("")]
    public void AddCartRecoveryEmail_WhenTransportIsUnsupported_FailsStartupNamingTheKeyAndTheChoices(string transport)
    {
        using var provider = Build(new() { ["Email:Transport"] = transport });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Email:Transport", error.Message, StringComparison.Ordinal);
        Assert.Contains("pickup, smtp", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("smtp")]
    [InlineData("SMTP")]
    public void AddCartRecoveryEmail_WhenTransportIsSmtp_UsesSmtpTransport(string transport)
    {
        using var provider = Build(new() { ["Email:Transport"] = transport, ["Smtp:Host"] = "smtp.example.com" });

        provider.GetRequiredService<IStartupValidator>().Validate();
        Assert.IsType<SmtpTransport>(provider.GetRequiredService<IEmailTransport>());
    }

    [Fact]
    public void AddCartRecoveryEmail_WhenSmtpHasNoHost_FailsStartupNamingSmtpHost()
    {
        using var provider = Build(new() { ["Email:Transport"] = "smtp" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Smtp:Host is required", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Smtp:Security", "Sometimes", "Smtp:Security")]
    [InlineData("Smtp:Security", "None", "Smtp:AllowInsecure")]
    [InlineData("Smtp:Port", "0", "Smtp:Port")]
    [InlineData("Smtp:Username", "relay-user", "Smtp:Password")]
    [InlineData("Smtp:Timeout", "00:00:00", "Smtp:Timeout")]
    public void AddCartRecoveryEmail_WhenAnSmtpSettingIsBad_FailsStartupNamingTheKey(string key, string value, string named)
    {
        using var provider = Build(new() { ["Email:Transport"] = "smtp", ["Smtp:Host"] = "smtp.example.com", [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("localhost", "false")]
    [InlineData("127.0.0.1", "false")]
    [InlineData("::1", "false")]
    [InlineData("relay.internal.example", "true")]
    public void AddCartRecoveryEmail_WhenSmtpIsInsecureOnLoopbackOrAllowed_Starts(string host, string allowInsecure)
    {
        using var provider = Build(new()
        {
            ["Email:Transport"] = "smtp", ["Smtp:Host"] = host, ["Smtp:Security"] = "none", ["Smtp:AllowInsecure"] = allowInsecure,
        });

        provider.GetRequiredService<IStartupValidator>().Validate();
        Assert.IsType<SmtpTransport>(provider.GetRequiredService<IEmailTransport>());
    }

    [Fact]
    public void AddCartRecoveryEmail_WhenTransportIsPickup_IgnoresAnIncompleteSmtpSection()
    {
        using var provider = Build(new() { ["Smtp:Security"] = "Sometimes" });

        provider.GetRequiredService<IStartupValidator>().Validate();
        Assert.IsType<PickupFolderTransport>(provider.GetRequiredService<IEmailTransport>());
    }

    [Fact]
    public void AddEmailTransport_WithANewName_MakesItAValidChoice()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Email:Transport"] = "postmark" }).Build());
        var postmark = new RecordingTransport();
        services.AddCartRecoveryEmail().AddEmailTransport("postmark", _ => postmark);
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();
        Assert.Same(postmark, provider.GetRequiredService<IEmailTransport>());
    }

    [Fact]
    public void AddCartRecoveryEmail_RegistersThePreviewer()
    {
        using var provider = Build([]);

        Assert.NotNull(provider.GetRequiredService<EmailPreviewer>());
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

    private sealed class RecordingTransport : IEmailTransport
    {
        public Task<string?> SendAsync(EmailMessage message, CancellationToken ct) => Task.FromResult<string?>(null);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddCartRecoveryEmail();
        return services.BuildServiceProvider();
    }
}
