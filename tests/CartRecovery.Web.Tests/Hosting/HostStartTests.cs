using System.Net;
using System.Net.Sockets;
using CartRecovery.Web.Cli;
using CartRecovery.Web.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CartRecovery.Web.Tests.Hosting;

/// <summary>The real start (<c>run</c>) on Kestrel: where it listens, a busy port, what the start-up log tells the operator.</summary>
public sealed class HostStartTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "cartrecovery-tests", Guid.NewGuid().ToString("N"));
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();
    private readonly StringWriter _log = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        _output.Dispose();
        _error.Dispose();
        _log.Dispose();
    }

    [Fact]
    public async Task Run_PortAlreadyTaken_SaysSoInOneLineAndAnnouncesNothing()
    {
        using var occupant = new TcpListener(IPAddress.Loopback, 0);
        occupant.Start();
        var port = ((IPEndPoint)occupant.LocalEndpoint).Port;

        var code = await RunAsync(null, $"--urls=http://127.0.0.1:{port}", "--Demo:Enabled=true");

        Assert.Equal(CartRecoveryHost.PortInUse, code);
        var lines = _error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var line = Assert.Single(lines);
        Assert.Contains($"Port {port} is already in use", line, StringComparison.Ordinal);
        Assert.Contains("--urls", line, StringComparison.Ordinal);
        Assert.DoesNotContain("Demo", _output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("is open", _log.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_dataDirectory, "cartrecovery.db")), "nothing is migrated before the port is known to be free");
    }

    [Fact]
    public async Task Run_WithHttpPortsSet_ListensThereAndSaysWhereTheKeyAndTheEmailsAre()
    {
        var port = CartRecoveryAppFactory.FreePort();
        var started = new TaskCompletionSource<IHostApplicationLifetime>(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = RunAsync(started, $"--http_ports={port}", "--Email:Transport=smtp", "--Smtp:Host=smtp.example.test", "--Smtp:Port=2525");
        var lifetime = await started.Task.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        try
        {
            using var http = new HttpClient();
            var health = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/healthz"), TestContext.Current.CancellationToken);
            Assert.NotEqual(HttpStatusCode.NotFound, health.StatusCode);

            // The start-up notes follow the moment the server listens.
            for (var i = 0; i < 200 && !_log.ToString().Contains("Emails go out", StringComparison.Ordinal); i++)
                await Task.Delay(25, TestContext.Current.CancellationToken);
            var keyFile = Path.Combine(_dataDirectory, "secrets", "admin-api-key");
            Assert.True(File.Exists(keyFile), "the admin API key exists before the first API request");
            var log = _log.ToString();
            Assert.Contains($"Admin API key (Authorization: Bearer) is in {keyFile}", log, StringComparison.Ordinal);
            Assert.Contains("Emails go out through the SMTP relay smtp.example.test:2525", log, StringComparison.Ordinal);
            Assert.DoesNotContain("pickup", log, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            lifetime.StopApplication();
            Assert.Equal(0, await running.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken));
        }
    }

    [Fact]
    public void CreateBuilder_NothingConfigured_ListensOnTheDefaultOnly()
    {
        Assert.Equal(HostAddresses.Default, CartRecoveryHost.CreateBuilder([]).WebHost.GetSetting("urls"));
        Assert.Equal("http://127.0.0.1:6001", CartRecoveryHost.CreateBuilder(["--urls=http://127.0.0.1:6001"]).WebHost.GetSetting("urls"));
        // ASPNETCORE_HTTP_PORTS arrives as the key http_ports: the default must then stay out of the way.
        Assert.True(string.IsNullOrEmpty(CartRecoveryHost.CreateBuilder(["--http_ports=6002"]).WebHost.GetSetting("urls")));
    }

    private Task<int> RunAsync(TaskCompletionSource<IHostApplicationLifetime>? started, params string[] args) =>
        CartRecoveryHost.RunAsync([.. args, $"--Storage:DataDirectory={_dataDirectory}", $"--Email:PickupDirectory={Path.Combine(_dataDirectory, "pickup")}",
            "--Jobs:Enabled=false", "--Recovery:PublicBaseUrl=http://localhost/"], _output, _error, builder =>
        {
            builder.Logging.AddProvider(new CliLogger(_log, LogLevel.Information));
            if (started is not null)
                builder.Services.AddHostedService(sp => new StartedProbe(sp.GetRequiredService<IHostApplicationLifetime>(), started));
        });

    /// <summary>Hands the test the app's lifetime once the server listens.</summary>
    private sealed class StartedProbe(IHostApplicationLifetime lifetime, TaskCompletionSource<IHostApplicationLifetime> started) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            lifetime.ApplicationStarted.Register(() => started.TrySetResult(lifetime));
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
