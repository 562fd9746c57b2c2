using CartRecovery.Core.Attribution;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Privacy;
using CartRecovery.Core.Stores;
using CartRecovery.Core.Tasks;

namespace CartRecovery.Data.Tests.Privacy;

/// <summary>The retention purge erases only what lies entirely before the cutoff, in batches, one store at a time.</summary>
public abstract class RetentionRepositoryContract : DatabaseContract
{
    private static readonly DateTimeOffset Cutoff = Now.AddDays(1);

    private static readonly string[] CartTables = ["cart_lines", "cart_events", "cart_refs", "messages", "follow_up_tasks"];

    [Fact]
    public async Task PurgeCarts_DeletesOnlyCartsWhollyBeforeTheCutoff_WithEverythingTheyOwn()
    {
        var store = await AddStoreAsync();
        var other = await AddStoreAsync("shop-2");
        var old = await AddOldCartAsync(store.Id, "old");
        var (lateClick, lateMessages) = await AddAbandonedCartAsync(store.Id, "late-click");
        var recent = await AddCartAsync(store.Id, "recent", Cutoff.AddHours(1));
        var (lateOrder, _) = await AddAbandonedCartAsync(store.Id, "late-order");
        var pendingStep = await AddCartAsync(store.Id, "pending-step", Cutoff.AddHours(-3));
        Assert.True(await Db.Carts.AbandonAsync(pendingStep.Id, Cutoff.AddHours(-2), ContractData.Plan(pendingStep, Cutoff.AddHours(-2)), Ct));
        var elsewhere = await AddOldCartAsync(other.Id, "elsewhere");
        await ClaimAndSendFirstStepsAsync();
        Assert.True(await Db.Messages.RecordClickAsync(lateMessages[0].Id, Cutoff, Ct));
        Assert.True(await Db.Carts.ConvertAsync(new CartConversion(lateOrder.Id, "o1", 1_000, Cutoff, Attribution.Unassisted), Cutoff, Ct));
        await Db.Suppressions.SuppressAsync(store.Id, "ada@example.com", "unsubscribed", Now, Ct);
        await Db.Rollup.RollUpDayAsync(DateOnly.FromDateTime(Now.UtcDateTime), Now, Ct);

        var oldMessages = await Db.ScalarAsync<long>($"SELECT COUNT(*) FROM messages WHERE cart_id = {old}");

        var purged = await Db.Retention.PurgeCartsAsync(store.Id, Cutoff, 100, Ct);

        Assert.Equal(1, purged.Carts);
        Assert.True(oldMessages > 0);
        Assert.Equal(oldMessages, purged.MessageIds.Count);
        Assert.Null(await Db.Carts.GetAsync(old, Ct));
        foreach (var table in CartTables)
            Assert.True(0L == await CountAsync(table, old), table);
        foreach (var kept in new[] { lateClick.Id, recent.Id, lateOrder.Id, pendingStep.Id, elsewhere })
            Assert.NotNull(await Db.Carts.GetAsync(kept, Ct));
        foreach (var table in CartTables)
            Assert.True(await CountAsync(table, elsewhere) > 0, table);
        Assert.True(await Db.Suppressions.IsSuppressedAsync(store.Id, "ada@example.com", Ct));
        Assert.Equal(2L, await Db.ScalarAsync<long>("SELECT COUNT(*) FROM daily_store_metrics"));
        Assert.Equal(0, (await Db.Retention.PurgeCartsAsync(store.Id, Cutoff, 100, Ct)).Carts);
    }

    [Fact]
    public async Task PurgeCarts_DeletesAtMostABatchPerCall()
    {
        var store = await AddStoreAsync();
        foreach (var id in new[] { "a", "b", "c" })
            await AddOldCartAsync(store.Id, id);

        Assert.Equal(2, (await Db.Retention.PurgeCartsAsync(store.Id, Cutoff, 2, Ct)).Carts);
        Assert.Equal(1L, await Db.ScalarAsync<long>("SELECT COUNT(*) FROM carts"));
        Assert.Equal(1, (await Db.Retention.PurgeCartsAsync(store.Id, Cutoff, 2, Ct)).Carts);
        Assert.Equal(0, (await Db.Retention.PurgeCartsAsync(store.Id, Cutoff, 2, Ct)).Carts);
        Assert.Equal(0L, await Db.ScalarAsync<long>("SELECT COUNT(*) FROM messages"));
    }

    [Fact]
    public async Task PurgeRecords_DeletesTheStoresOldProcessedDeliveriesAndExportsOnly()
    {
        var store = await AddStoreAsync();
        var other = await AddStoreAsync("shop-2");
        await AcceptWebhookAsync(store.Id, "old-processed", Now);
        await AcceptWebhookAsync(store.Id, "new-processed", Cutoff.AddHours(1));
        await AcceptWebhookAsync(other.Id, "other-processed", Now);
        foreach (var delivery in await Db.Inbox.ClaimAsync(Cutoff.AddHours(2), Cutoff.AddHours(3), 10, Ct))
            await Db.Inbox.MarkProcessedAsync([delivery.Id], Cutoff.AddHours(2), Ct);
        await AcceptWebhookAsync(store.Id, "old-pending", Now);
        var export = new CustomerDataExport(store.Id, "ada@example.com", [], [], []);
        await Db.Privacy.RecordExportAsync(store.Id, "req-old", export, Now, Ct);
        await Db.Privacy.RecordExportAsync(store.Id, "req-new", export, Cutoff, Ct);
        await Db.Privacy.RecordExportAsync(other.Id, "req-other", export with { StoreId = other.Id }, Now, Ct);

        Assert.Equal(2, await Db.Retention.PurgeRecordsAsync(store.Id, Cutoff, Ct));

        Assert.Equal(["new-processed", "old-pending", "other-processed"],
            await Db.QueryAsync<string>("SELECT delivery_id FROM webhook_deliveries ORDER BY delivery_id"));
        Assert.Equal(["req-new"], (await Db.Privacy.ListExportsAsync(store.Id, Ct)).Select(e => e.RequestId));
        Assert.Single(await Db.Privacy.ListExportsAsync(other.Id, Ct));
        Assert.Equal(0, await Db.Retention.PurgeRecordsAsync(store.Id, Cutoff, Ct));
    }

    /// <summary>A cart abandoned at <see cref="DatabaseContract.Now"/> with a platform reference, whose first email was sent and whose follow-up task is open.</summary>
    private async Task<long> AddOldCartAsync(long storeId, string externalId)
    {
        var updatedAt = Now.AddHours(-1);
        var snapshot = ContractData.Snapshot(storeId, externalId, updatedAt) with
        {
            PlatformRefs = new Dictionary<string, string> { ["token"] = $"ref-{externalId}" },
        };
        var cart = (await Db.Carts.UpsertAsync(snapshot, updatedAt, Ct)).Cart;
        Assert.True(await Db.Carts.AbandonAsync(cart.Id, Now, ContractData.Plan(cart, Now), Ct));
        var messages = await Db.Messages.ListForCartAsync(cart.Id, Ct);
        await Db.Tasks.CreateAsync(new FollowUpTask
        {
            StoreId = storeId, CartId = cart.Id, MessageId = messages[2].Id, Summary = "Call", CreatedAt = Now.AddHours(3),
        }, Ct);
        return cart.Id;
    }

    /// <summary>Sends the first step of every cart, an hour after its abandonment.</summary>
    private async Task ClaimAndSendFirstStepsAsync()
    {
        foreach (var message in await Db.Messages.ClaimDueAsync("setup", Now.AddHours(10), TimeSpan.FromDays(1), 100, Ct))
            if (message.Step == 1)
                Assert.True(await Db.Messages.MarkSentAsync(message.Id, "setup", "ada@example.com", null, Now.AddHours(1), Ct));
    }

    private Task<long> CountAsync(string table, long cartId) =>
        Db.ScalarAsync<long>($"SELECT COUNT(*) FROM {table} WHERE cart_id = @CartId", new { CartId = cartId });
}
