using System.Data.Common;
using CartRecovery.Data.Connections;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace CartRecovery.Data.Tests.Connections;

/// <summary>The group commit of the hot paths: writes queued together share a transaction, each is stored before it returns, and a bad one fails alone.</summary>
public abstract class GroupCommitContract : DatabaseContract
{
    private GroupCommit Commits => Db.Services.GetRequiredService<GroupCommit>();

    [Fact]
    public async Task RunAsync_WhenManyWritesAreQueuedAtOnce_SharesTransactionsAndStoresEveryOneBeforeReturning()
    {
        var store = await AddStoreAsync();
        var accepted = await Task.WhenAll(Enumerable.Range(0, 100).Select(i => AcceptWebhookAsync(store.Id, $"d-{i}", Now)));
        var transactions = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Commits.RunAsync((db, transaction) => Task.FromResult(transaction), Ct)));

        Assert.All(accepted, Assert.True);
        // Each call returned after its commit: a new connection sees all of them.
        Assert.Equal(100, await CountAsync("SELECT COUNT(*) FROM webhook_deliveries"));
        Assert.True(transactions.Distinct().Count() < 50, $"{transactions.Distinct().Count()} transactions for 100 writes queued at once");
    }

    [Fact]
    public async Task RunAsync_WhenOneWriteOfABatchFails_FailsOnlyItAndStoresTheOthers()
    {
        var store = await AddStoreAsync();
        var before = Enumerable.Range(0, 5).Select(i => AcceptWebhookAsync(store.Id, $"before-{i}", Now)).ToList();
        var bad = Commits.RunAsync((db, transaction) => db.ExecuteAsync(new CommandDefinition("INSERT INTO no_such_table VALUES (1)", transaction: transaction)), Ct);
        var after = Enumerable.Range(0, 5).Select(i => AcceptWebhookAsync(store.Id, $"after-{i}", Now)).ToList();

        await Assert.ThrowsAnyAsync<DbException>(() => bad);
        Assert.All(await Task.WhenAll(before.Concat(after)), Assert.True);
        Assert.Equal(10, await CountAsync("SELECT COUNT(*) FROM webhook_deliveries"));
    }

    [Fact]
    public async Task RunAsync_WhenTheSameDeliveryIsQueuedTwiceInOneBatch_StoresItOnce()
    {
        var store = await AddStoreAsync();
        var results = await Task.WhenAll(AcceptWebhookAsync(store.Id, "same", Now), AcceptWebhookAsync(store.Id, "same", Now));

        Assert.Equal([true, false], results.Order().Reverse());
        Assert.Equal(1, await CountAsync("SELECT COUNT(*) FROM webhook_deliveries"));
    }

    [Fact]
    public async Task RunAsync_WhenWritesOfOneBatchedKindAreQueuedTogether_RunsThemInOneCallAndHandsEachItsOwnResult()
    {
        var kind = new Doubling();

        var results = await Task.WhenAll(Enumerable.Range(0, 100).Select(i => Commits.RunAsync(kind, i, Ct)));

        Assert.Equal(Enumerable.Range(0, 100).Select(i => i * 2), results);
        Assert.True(kind.Calls < 50, $"{kind.Calls} calls for 100 writes queued at once");
    }

    private sealed class Doubling : IBatchedWrite<int, int>
    {
        public int Calls { get; private set; }

        public Task<IReadOnlyList<int>> RunAsync(DbConnection db, DbTransaction transaction, IReadOnlyList<int> items)
        {
            Calls++;
            return Task.FromResult<IReadOnlyList<int>>(items.Select(i => i * 2).ToList());
        }
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var db = await Db.Services.GetRequiredService<IDbConnectionFactory>().OpenAsync(Ct);
        return await db.ExecuteScalarAsync<long>(new CommandDefinition(sql, cancellationToken: Ct));
    }
}
