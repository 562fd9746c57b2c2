using System.Globalization;
using CartRecovery.Email.Postmark;
using CartRecovery.Email.Postmark.Sending;
using CartRecovery.Testing.Emulators.Postmark;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CartRecovery.Email.Tests.Postmark;

/// <summary>
/// A loopback Postmark plus the real registration (<see cref="PostmarkServiceCollectionExtensions.AddPostmarkEmail"/>)
/// pointed at it, with millisecond retry delays so retry tests stay fast.
/// </summary>
internal sealed class PostmarkTestKit : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private PostmarkTestKit(PostmarkEmulator emulator, ServiceProvider provider)
    {
        Emulator = emulator;
        _provider = provider;
    }

    public PostmarkEmulator Emulator { get; }

    public PostmarkClient Client => _provider.GetRequiredService<PostmarkClient>();

    public PostmarkTransport Transport => _provider.GetRequiredService<PostmarkTransport>();

    public static async Task<PostmarkTestKit> StartAsync(Dictionary<string, string?>? settings = null, PostmarkEmulatorOptions? emulatorOptions = null)
    {
        var emulator = await PostmarkEmulator.StartAsync(emulatorOptions);
        var values = new Dictionary<string, string?>
        {
            ["Postmark:ServerToken"] = PostmarkEmulator.DefaultServerToken,
            ["Postmark:BaseUrl"] = emulator.BaseUrl.AbsoluteUri,
            ["Postmark:RetryBaseDelay"] = TimeSpan.FromMilliseconds(1).ToString("c", CultureInfo.InvariantCulture),
            ["Postmark:Timeout"] = "00:00:10",
        };
        foreach (var (key, value) in settings ?? [])
            values[key] = value;
        return new PostmarkTestKit(emulator, BuildProvider(values));
    }

    public static ServiceProvider BuildProvider(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddLogging();
        services.AddPostmarkEmail();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        await Emulator.DisposeAsync();
    }
}
