using CartRecovery.Connectors.Demo;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Messages;
using CartRecovery.Core.Restore;
using CartRecovery.Core.Sequences;
using CartRecovery.Core.Stores;
using CartRecovery.Data.Connections;
using CartRecovery.Web.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace CartRecovery.Bench.Http;

/// <summary>
/// The real host, in this process, on loopback: a fresh SQLite file (or a fresh PostgreSQL database), migrated, with
/// its Quartz jobs running (they process the inbox) and the production logging settings.
/// </summary>
internal sealed class BenchHost : IAsyncDisposable
{
    private readonly Task<int> _run;
    private readonly string _data;
    private readonly string? _postgresAdmin;
    private readonly string? _postgresDatabase;

    private BenchHost(Task<int> run, IServiceProvider services, string data, string? postgresAdmin, string? postgresDatabase, IReadOnlyList<string> arguments) =>
        (_run, Services, _data, _postgresAdmin, _postgresDatabase, Arguments) = (run, services, data, postgresAdmin, postgresDatabase, arguments);

    /// <summary>The command line the host was started with: another process given it serves the same database.</summary>
    public IReadOnlyList<string> Arguments { get; }

    public Uri BaseUrl { get; private set; } = null!;
    public IServiceProvider Services { get; }

    /// <summary>Starts the host; <paramref name="postgres"/> is a server connection string (a database is created on it for the run).</summary>
    public static async Task<BenchHost> StartAsync(string? postgres, IReadOnlyList<string> overrides)
    {
        var data = Path.Combine(Path.GetTempPath(), "cartrecovery-bench", Guid.NewGuid().ToString("N"));
        List<string> args =
        [
            $"--Storage:DataDirectory={data}", "--Jobs:Enabled=true", "--Demo:Enabled=false", "--Urls=http://127.0.0.1:0",
            "--Recovery:PublicBaseUrl=https://bench.example/", $"--Email:PickupDirectory={Path.Combine(data, "pickup")}", $"--Shopify:ClientSecret={Deliveries.ShopifySecret}",
        ];
        string? database = null;
        if (postgres is not null)
        {
            database = $"cartrecovery_bench_{Guid.NewGuid():N}";
            await using (var admin = new NpgsqlConnection(postgres))
            {
                await admin.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE {database}", admin);
                await create.ExecuteNonQueryAsync();
            }
            args.Add("--Storage:Provider=postgres");
            args.Add($"--Storage:ConnectionString={new NpgsqlConnectionStringBuilder(postgres) { Database = database }}");
        }
        args.AddRange(overrides);
        // The host exactly as it runs in production (CartRecoveryHost.RunAsync: migration, middleware, every endpoint);
        // its services are handed over once it listens.
        var started = new TaskCompletionSource<IServiceProvider>(TaskCreationOptions.RunContinuationsAsynchronously);
        var run = CartRecoveryHost.RunAsync([.. args], TextWriter.Null, Console.Error,
            builder => builder.Services.AddHostedService(sp => new WhenStarted(sp, started)));
        if (await Task.WhenAny(started.Task, run) == run)
            throw new InvalidOperationException($"The host stopped at start with exit code {await run}.");
        var services = await started.Task;
        var host = new BenchHost(run, services, data, postgres, database, args);
        var address = services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        host.BaseUrl = new Uri(address.TrimEnd('/') + "/");
        return host;
    }

    public async Task<Store> AddStoreAsync(string platform, string externalId)
    {
        var stores = Services.GetRequiredService<IStoreRepository>();
        return await stores.UpsertAsync(new Store
        {
            Platform = platform, ExternalId = externalId, Name = "Bench shop", StorefrontUrl = $"https://{new Uri(externalId.Contains("://", StringComparison.Ordinal) ? externalId : "https://" + externalId).Host}/",
            Currency = "USD", SenderEmail = "shop@bench.example", SenderName = "Bench shop", CreatedAt = TimeProvider.System.GetUtcNow(),
        }, CancellationToken.None);
    }

    public async Task SaveWebhookSecretAsync(long storeId, string secret) =>
        await Services.GetRequiredService<IStoreCredentialRepository>().SaveAsync(new StoreCredentials
        {
            StoreId = storeId, AccessToken = "ck_bench", Scopes = "read_write", UpdatedAt = TimeProvider.System.GetUtcNow(),
            Extra = new Dictionary<string, string> { ["consumer_secret"] = "cs_bench", ["webhook_secret"] = secret },
        }, CancellationToken.None);

    /// <summary>Abandoned carts of the demo store with one message each, and a restore token per message.</summary>
    public async Task<string[]> SeedRestoreTokensAsync(int count)
    {
        var store = await DemoStore.EnsureAsync(Services.GetRequiredService<IStoreRepository>(), new Uri("https://bench.example/"), TimeProvider.System.GetUtcNow(), CancellationToken.None);
        var carts = Services.GetRequiredService<ICartRepository>();
        var messages = Services.GetRequiredService<IMessageRepository>();
        var signer = Services.GetRequiredService<LinkTokenSigner>();
        var step = SequencePresets.Find(store.Sequence).Steps.First(s => s.Kind == StepKind.Email);
        var tokens = new string[count];
        var now = TimeProvider.System.GetUtcNow();
        for (var i = 0; i < count; i++)
        {
            var snapshot = new CartSnapshot(store.Id, $"bench-{i}", new CartContact($"bench{i}@example.com", FirstName: "Bench"),
                [new CartLine("Bench item", 1, 1000)], store.Currency, 1000, 1000, null, now, now);
            var cart = (await carts.UpsertAsync(snapshot, now, CancellationToken.None)).Cart;
            // Due far ahead: the dispatcher leaves them alone while the links are clicked.
            await carts.AbandonAsync(cart.Id, now, [new OutboundMessage
            {
                StoreId = store.Id, CartId = cart.Id, Step = step.Number, Kind = step.Kind, Template = step.Template, DueAt = now.AddDays(1),
            }], CancellationToken.None);
            // The abandonment job may have enrolled the cart meanwhile (more messages): take the one added here.
            var message = (await messages.ListForCartAsync(cart.Id, CancellationToken.None)).First(m => m.Step == step.Number);
            tokens[i] = signer.Issue(TokenPurpose.Restore, message.Id, now.AddDays(7));
        }
        return tokens;
    }

    public async Task<long> ScalarAsync(string sql)
    {
        await using var db = await Services.GetRequiredService<IDbConnectionFactory>().OpenAsync(CancellationToken.None);
        await using var command = db.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        // The host may have stopped by itself (then its services are gone): only ask a running one to stop.
        if (!_run.IsCompleted)
            Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();
        await _run;
        SqliteConnection.ClearAllPools();
        if (_postgresAdmin is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(_postgresAdmin);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresDatabase} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private sealed class WhenStarted(IServiceProvider services, TaskCompletionSource<IServiceProvider> started) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            services.GetRequiredService<IHostApplicationLifetime>().ApplicationStarted.Register(() => started.TrySetResult(services));
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
