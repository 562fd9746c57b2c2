namespace CartRecovery.Data.Tests.Messages;

public sealed class SqliteMessageRepositoryTests : MessageRepositoryContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabases.SqliteAsync();

    [Fact]
    public async Task GetLink_KeepsNoReadTransactionOpenBetweenReads()
    {
        var store = await AddStoreAsync();
        var (_, messages) = await AddAbandonedCartAsync(store.Id, "chk-1");
        Assert.NotNull(await Db.Messages.GetLinkAsync(messages[0].Id, Ct));
        await Db.ExecuteAsync("UPDATE messages SET offer_code = 'BACK-3' WHERE id = @Id", new { messages[0].Id });

        // The connection kept open with the link read compiled must not pin a snapshot: a full checkpoint (as an erasure
        // runs) completes, and the write-ahead log is emptied.
        var (busy, _, _) = (await Db.QueryAsync<(long Busy, long Log, long Checkpointed)>("PRAGMA wal_checkpoint(TRUNCATE)")).Single();

        Assert.Equal(0, busy);
    }
}
