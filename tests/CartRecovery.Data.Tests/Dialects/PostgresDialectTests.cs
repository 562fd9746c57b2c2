using CartRecovery.Core.Messages;
using CartRecovery.Data.Dialects;
using Dapper;
using Npgsql;

namespace CartRecovery.Data.Tests.Dialects;

/// <summary>What only a real PostgreSQL server shows: SKIP LOCKED claims, SqlState 23505, the array form of IN.</summary>
public sealed class PostgresDialectTests : DatabaseContract
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabases.PostgresAsync();

    /// <summary>
    /// Runs <paramref name="claim"/> while another node is in the middle of claiming message <paramref name="lockedId"/>
    /// (its row lock held until it ends, rolled back here), within 20 s rather than waiting for the lock.
    /// </summary>
    private async Task<IReadOnlyList<OutboundMessage>> WhileAnotherNodeLocksAsync(long lockedId, Func<CancellationToken, Task<IReadOnlyList<OutboundMessage>>> claim)
    {
        await using var other = await Db.OpenAsync();
        await using var otherTx = await other.BeginTransactionAsync(Ct);
        await other.ExecuteAsync(new CommandDefinition("SELECT id FROM messages WHERE id = @Id FOR UPDATE",
            new { Id = lockedId }, otherTx, cancellationToken: Ct));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        var claimed = await claim(timeout.Token);
        await otherTx.RollbackAsync(Ct);
        return claimed;
    }

    [Fact]
    public async Task ClaimDue_SkipsRowsAnotherTransactionHasLocked_InsteadOfWaitingOrTakingThem()
    {
        var store = await AddStoreAsync();
        var (_, messages) = await AddAbandonedCartAsync(store.Id, "chk-1");
        var now = Now.AddHours(10);

        var claimed = await WhileAnotherNodeLocksAsync(messages[0].Id, token => Db.Messages.ClaimDueAsync("node-b", now, Lease, 10, token));

        Assert.Equal([messages[1].Id, messages[2].Id], claimed.Select(m => m.Id));
        Assert.Equal(MessageStatus.Pending, (await Db.Messages.GetAsync(messages[0].Id, Ct))!.Status);
        Assert.Equal([messages[0].Id], (await Db.Messages.ClaimDueAsync("node-a", now, Lease, 10, Ct)).Select(m => m.Id));
    }

    [Fact]
    public async Task ClaimExpired_SkipsRowsAnotherTransactionHasLocked_InsteadOfWaitingOrTakingThem()
    {
        var store = await AddStoreAsync();
        await AddAbandonedCartAsync(store.Id, "chk-1");
        var now = Now.AddHours(10);
        var dead = await Db.Messages.ClaimDueAsync("node-that-died", now, Lease, 10, Ct);
        var later = now + Lease + TimeSpan.FromSeconds(1);

        var claimed = await WhileAnotherNodeLocksAsync(dead[0].Id, token => Db.Messages.ClaimExpiredAsync("node-b", later, Lease, 10, token));

        Assert.Equal(dead.Skip(1).Select(m => m.Id), claimed.Select(m => m.Id));
        Assert.Equal([dead[0].Id], (await Db.Messages.ClaimExpiredAsync("node-a", later, Lease, 10, Ct)).Select(m => m.Id));
    }

    [Fact]
    public async Task ClaimDue_WhenManyNodesRaceForTheSameMessages_NoMessageIsClaimedTwice()
    {
        var store = await AddStoreAsync();
        for (var i = 0; i < 10; i++)
            await AddAbandonedCartAsync(store.Id, $"chk-{i}");
        var now = Now.AddHours(10);

        // Each "node" has its own connection (a pool of its own would not change anything); small batches make them meet.
        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            var mine = new List<OutboundMessage>();
            while (await Db.Messages.ClaimDueAsync($"node-{i}", now, Lease, 2, Ct) is { Count: > 0 } batch)
                mine.AddRange(batch);
            return mine;
        }, Ct)));

        var ids = claims.SelectMany(c => c).Select(m => m.Id).ToList();
        Assert.Equal(30, ids.Count);
        Assert.Equal(30, ids.Distinct().Count());
        Assert.Equal(30L, await Db.ScalarAsync<long>("SELECT COUNT(*) FROM messages WHERE attempts = 1 AND status = @Claimed",
            new { Claimed = (int)MessageStatus.Claimed }));
    }

    [Fact]
    public async Task IsUniqueViolation_OnlyForSqlState23505()
    {
        var store = await AddStoreAsync();

        var duplicate = await Assert.ThrowsAsync<PostgresException>(() => Db.ExecuteAsync(
            "INSERT INTO suppressions (store_id, email_normalized, email, reason, created_at) VALUES (@Id, 'a', 'a', 'r', 0), (@Id, 'a', 'a', 'r', 0)",
            new { store.Id }));
        var missingStore = await Assert.ThrowsAsync<PostgresException>(() => Db.ExecuteAsync(
            "INSERT INTO suppressions (store_id, email_normalized, email, reason, created_at) VALUES (404, 'a', 'a', 'r', 0)"));

        Assert.True(Db.Dialect.IsUniqueViolation(duplicate));
        Assert.False(Db.Dialect.IsUniqueViolation(missingStore));
    }

    [Fact]
    public void ListParameter_UsesAnyOverTheArray()
    {
        Assert.Equal("SELECT 1 FROM carts WHERE id = ANY(@Ids) ORDER BY id",
            new PostgresDialect().ListParameter("SELECT 1 FROM carts WHERE id IN @Ids ORDER BY id"));
    }

    [Fact]
    public async Task Instants_AreStoredAsBigints()
    {
        var types = await Db.QueryAsync<string>("""
            SELECT DISTINCT data_type FROM information_schema.columns
            WHERE table_schema = 'public' AND column_name IN ('platform_updated_at', 'abandoned_at', 'due_at', 'created_at', 'lease_until')
            """);

        Assert.Equal(["bigint"], types);
    }
}
