using System.Net.Http.Headers;
using CartRecovery.Connectors.Demo;
using CartRecovery.Core.Stores;
using CartRecovery.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CartRecovery.Web.Tests;

/// <summary>
/// The real host on a real SQLite file in a fresh temp folder, with a fake clock at the kit's <see cref="TestData.Now"/>. The scheduler stands by unless a
/// test asks for it, so tests drive the jobs' services themselves and nothing fires behind their back.
/// </summary>
public sealed class CartRecoveryAppFactory : WebApplicationFactory<Program>
{
    public const string AdminKey = "test-admin-key";

    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;
    private Uri? _baseUrl;

    public CartRecoveryAppFactory(bool jobsEnabled = false, bool demo = false, bool fakeClock = true,
        IReadOnlyDictionary<string, string?>? settings = null, FakeTimeProvider? time = null, int? kestrelPort = null,
        Action<IServiceCollection>? services = null)
    {
        _services = services;
        DataDirectory = Path.Combine(Path.GetTempPath(), "cartrecovery-tests", Guid.NewGuid().ToString("N"));
        FakeClock = fakeClock;
        Time = time ?? new FakeTimeProvider(TestData.Now);
        // Real HTTP on loopback, for peers that call back (platform emulators sending webhooks).
        if (kestrelPort is { } port)
            UseKestrel(port);
        _settings = new()
        {
            ["Storage:DataDirectory"] = DataDirectory,
            ["Email:PickupDirectory"] = PickupDirectory,
            ["Jobs:Enabled"] = jobsEnabled ? "true" : "false",
            ["Demo:Enabled"] = demo ? "true" : "false",
            ["Demo:Seed"] = "7",
            ["Admin:ApiKey"] = AdminKey,
            ["Recovery:PublicBaseUrl"] = "http://localhost/",
            // Emulated shops, Postmark and the demo run on loopback http: the outbound policy must allow it here, and
            // only here (OutboundPolicyTests shows the defaults refuse them).
            ["Outbound:AllowHttp"] = "true",
            ["Outbound:AllowPrivateNetworks"] = "true",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            _settings[key] = value;
    }

    public string DataDirectory { get; }
    public string PickupDirectory => Path.Combine(DataDirectory, "pickup");
    public bool FakeClock { get; }
    public FakeTimeProvider Time { get; }

    public T Service<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>Where a host of <see cref="StartOnLoopback"/> answers real HTTP, e.g. <c>http://127.0.0.1:51234/</c>.</summary>
    public Uri BaseUrl => _baseUrl ?? throw new InvalidOperationException("This host runs in memory; use StartOnLoopback for real HTTP.");

    /// <summary>
    /// The host started on real loopback HTTP at a free port, for peers that call back (platform emulators sending
    /// webhooks, Postmark, a browser), with <c>Recovery:PublicBaseUrl</c> at <see cref="BaseUrl"/> unless
    /// <paramref name="settings"/> say otherwise.
    /// </summary>
    public static CartRecoveryAppFactory StartOnLoopback(IReadOnlyDictionary<string, string?>? settings = null, FakeTimeProvider? time = null,
        bool demo = false, Action<IServiceCollection>? services = null)
    {
        var port = FreePort();
        var baseUrl = new Uri($"http://127.0.0.1:{port}/");
        var all = new Dictionary<string, string?> { ["Recovery:PublicBaseUrl"] = baseUrl.AbsoluteUri };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            all[key] = value;
        var app = new CartRecoveryAppFactory(demo: demo, settings: all, time: time, kestrelPort: port, services: services) { _baseUrl = baseUrl };
        try
        {
            app.StartServer();
            return app;
        }
        catch
        {
            app.Dispose();
            throw;
        }
    }

    /// <summary>A free loopback port for <c>kestrelPort</c> (bound and released at once: good enough on a test machine).</summary>
    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public HttpClient AdminClient()
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
        return client;
    }

    public HttpClient BrowserClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>The demo store, created if the demo is off (its storefront is always registered).</summary>
    public Task<Store> DemoStoreAsync() =>
        DemoStore.EnsureAsync(Service<IStoreRepository>(), new Uri("http://localhost/"), Time.GetUtcNow(), CancellationToken.None);

    public string[] PickedUpEmails() =>
        Directory.Exists(PickupDirectory) ? Directory.GetFiles(PickupDirectory, "*.eml").Order(StringComparer.Ordinal).ToArray() : [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
            builder.UseSetting(key, value);
        if (FakeClock)
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Time));
        if (_services is not null)
            builder.ConfigureTestServices(_services);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
