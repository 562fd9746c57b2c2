using CartRecovery.Core.Carts;
using CartRecovery.Core.Messages;
using CartRecovery.Core.Sequences;
using CartRecovery.Core.Stores;
using CartRecovery.Data;
using CartRecovery.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CartRecovery.ScaleOut.Tests;

/// <summary>
/// A fresh PostgreSQL database of the test's own on the server named by <c>CARTRECOVERY_TEST_POSTGRES</c> (an admin
/// connection string; <c>.ci/run</c> starts a server and sets it), dropped afterwards. Without the variable the test is
/// skipped locally and fails under CI (<c>CI</c> set). Seeds through the app's own stores; reads rows with plain SQL.
/// </summary>
internal sealed class ScaleOutDatabase : IAsyncDisposable
{
    public const string Variable = "CARTRECOVERY_TEST_POSTGRES";

    private readonly string _admin;
    private readonly string _name;

    private ScaleOutDatabase(string admin, string name, string connectionString)
    {
        _admin = admin;
        _name = name;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    public static async Task<ScaleOutDatabase> CreateAsync(CancellationToken ct)
    {
        var admin = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(admin))
        {
            var reason = $"The scale-out test needs {Variable} (an admin connection string to PostgreSQL); .ci/run sets it.";
            if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
                throw new InvalidOperationException($"CI is set, so the scale-out test must run: {reason}");
            Assert.Skip(reason);
        }
        var name = $"cartrecovery_scaleout_{Guid.NewGuid():N}";
        await ExecuteAsync(admin, $"CREATE DATABASE {name}", ct);
        return new ScaleOutDatabase(admin, name, new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString);
    }

    /// <summary>One demo-platform store (its storefront check is in-process) and <paramref name="count"/> carts with one message due now.</summary>
    public async Task<IReadOnlyList<long>> SeedDueMessagesAsync(int count, CancellationToken ct)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "postgres",
            ["Storage:ConnectionString"] = ConnectionString,
        }).Build();
        await using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging()
            .AddCartRecoveryData().BuildServiceProvider();
        var now = DateTimeOffset.UtcNow;
        var store = await services.GetRequiredService<IStoreRepository>().UpsertAsync(TestData.Store() with { Id = 0, ExternalId = "scale-out" }, ct);
        var carts = services.GetRequiredService<ICartRepository>();
        var step = SequencePresets.Standard.Steps[0];

        // Four writers at once: seeding is setup, not what the test measures.
        var ids = new List<long>[4];
        await Parallel.ForAsync(0, ids.Length, ct, async (writer, token) =>
        {
            ids[writer] = [];
            for (var i = writer; i < count; i += ids.Length)
            {
                var snapshot = new CartSnapshot(store.Id, $"chk-{i}", new CartContact(Email: $"shopper{i}@example.com", FirstName: "Ann"),
                    [TestData.Line()], "EUR", 4990, 4990, $"https://maple.example.com/cart/{i}", now.AddHours(-2), now.AddHours(-1));
                var cart = (await carts.UpsertAsync(snapshot, now.AddHours(-1), token)).Cart;
                var message = new OutboundMessage
                {
                    StoreId = store.Id, CartId = cart.Id, Step = step.Number, Kind = step.Kind, Template = step.Template, DueAt = now.AddMinutes(-1),
                };
                await carts.AbandonAsync(cart.Id, now.AddMinutes(-61), [message], token);
            }
        });
        return await QueryAsync("SELECT id FROM messages ORDER BY id", r => r.GetInt64(0), ct);
    }

    /// <summary>(status, claimed_by, provider_message_id) of every message, by id.</summary>
    public async Task<Dictionary<long, (MessageStatus Status, string? ClaimedBy, string? ProviderMessageId)>> MessagesAsync(CancellationToken ct)
    {
        var rows = await QueryAsync("SELECT id, status, claimed_by, provider_message_id FROM messages",
            r => (Id: r.GetInt64(0), Status: (MessageStatus)r.GetInt64(1), ClaimedBy: r.IsDBNull(2) ? null : r.GetString(2), Provider: r.IsDBNull(3) ? null : r.GetString(3)), ct);
        return rows.ToDictionary(r => r.Id, r => (r.Status, r.ClaimedBy, r.Provider));
    }

    /// <summary>How many messages are Sent, how many are still open (Pending or Claimed), and who holds claims now.</summary>
    public async Task<(int Sent, int Open, IReadOnlyList<string> Claimers)> ProgressAsync(CancellationToken ct)
    {
        var rows = await QueryAsync("SELECT status, CASE WHEN status = 1 THEN claimed_by END, count(*) FROM messages GROUP BY 1, 2",
            r => (Status: (MessageStatus)r.GetInt64(0), ClaimedBy: r.IsDBNull(1) ? null : r.GetString(1), Count: (int)r.GetInt64(2)), ct);
        return (rows.Where(r => r.Status == MessageStatus.Sent).Sum(r => r.Count),
            rows.Where(r => r.Status is MessageStatus.Pending or MessageStatus.Claimed).Sum(r => r.Count),
            [.. rows.Where(r => r.ClaimedBy is not null).Select(r => r.ClaimedBy!)]);
    }

    /// <summary>Instance ids of the Quartz nodes that have checked in and not been declared dead.</summary>
    public Task<IReadOnlyList<string>> SchedulerInstancesAsync(CancellationToken ct) =>
        QueryAsync("SELECT instance_name FROM qrtz_scheduler_state ORDER BY instance_name", r => r.GetString(0), ct);

    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, Func<NpgsqlDataReader, T> read, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<T>();
        while (await reader.ReadAsync(ct))
            rows.Add(read(reader));
        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(_admin, $"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", CancellationToken.None);
    }

    private static async Task ExecuteAsync(string connectionString, string sql, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}
