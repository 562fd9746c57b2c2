using CartRecovery.Core.Carts;
using CartRecovery.Core.Messages;
using CartRecovery.Core.Stores;
using CartRecovery.Core.Webhooks;

namespace CartRecovery.Data.Tests.Connectors;

/// <summary>What platform connectors store: refs, store status, encrypted credentials, cursors and the webhook inbox.</summary>
public abstract class ConnectorStorageContract : DatabaseContract
{
    private static WebhookDelivery Delivery(string id, long? storeId = null, string body = "{}") => new()
    {
        Platform = Platforms.Shopify, DeliveryId = id, Topic = "checkouts/update", StoreId = storeId, ShopRef = "shop.myshopify.com",
        Body = body, ReceivedAt = Now,
    };

    [Fact]
    public async Task FindByRef_WhenAnyPlatformIdentifierIsGiven_FindsTheCart()
    {
        var store = await AddStoreAsync();
        var snapshot = ContractData.Snapshot(store.Id, "tok-1", Now) with
        {
            PlatformRefs = new Dictionary<string, string> { ["id"] = "981820079255243537", ["cart_token"] = "ct-1" },
        };
        await Db.Carts.UpsertAsync(snapshot, Now, Ct);

        Assert.Equal("tok-1", (await Db.Carts.FindByRefAsync(store.Id, "981820079255243537", Ct))?.ExternalId);
        Assert.Equal("tok-1", (await Db.Carts.FindByRefAsync(store.Id, "ct-1", Ct))?.ExternalId);
        Assert.Equal("tok-1", (await Db.Carts.FindByRefAsync(store.Id, "tok-1", Ct))?.ExternalId);
        Assert.Null(await Db.Carts.FindByRefAsync(store.Id, "unknown", Ct));
        var other = await AddStoreAsync("shop-2");
        Assert.Null(await Db.Carts.FindByRefAsync(other.Id, "ct-1", Ct));
    }

    [Fact]
    public async Task FindByRefs_GivesEveryCartKnownByAnyReference_OncePerReference_ByCartId()
    {
        var store = await AddStoreAsync();
        var first = await Db.Carts.UpsertAsync(ContractData.Snapshot(store.Id, "tok-1", Now) with
        {
            PlatformRefs = new Dictionary<string, string> { ["id"] = "111", ["cart_token"] = "ct-shared" },
        }, Now, Ct);
        // A later checkout of the same cart: its cart token is taken already, so only its id is filed under it.
        var second = await Db.Carts.UpsertAsync(ContractData.Snapshot(store.Id, "222", Now) with
        {
            PlatformRefs = new Dictionary<string, string> { ["id"] = "222", ["cart_token"] = "ct-shared" },
        }, Now, Ct);
        var other = await AddStoreAsync("shop-2");
        await Db.Carts.UpsertAsync(ContractData.Snapshot(other.Id, "tok-1", Now), Now, Ct);

        var matches = await Db.Carts.FindByRefsAsync(store.Id, ["tok-1", "ct-shared", "222", "unknown", "ct-shared"], Ct);

        // The second cart is found by "222" both as its external id and as its id ref, and listed once.
        Assert.Equal([("ct-shared", first.Cart.Id, "tok-1"), ("tok-1", first.Cart.Id, "tok-1"), ("222", second.Cart.Id, "222")],
            matches.Select(m => (m.Reference, m.CartId, m.ExternalId)).OrderBy(m => m.CartId).ThenBy(m => m.Reference, StringComparer.Ordinal));
        Assert.True(matches.Select(m => m.CartId).SequenceEqual(matches.Select(m => m.CartId).Order()), "matches come ordered by cart id");
        Assert.Equal(new Dictionary<string, string> { ["id"] = "111", ["cart_token"] = "ct-shared" }, matches[0].PlatformRefs);
        Assert.Empty(await Db.Carts.FindByRefsAsync(store.Id, ["unknown"], Ct));
        Assert.Empty(await Db.Carts.FindByRefsAsync(store.Id, [], Ct));
    }

    [Fact]
    public async Task UpsertAligned_HandsTheMatchesOfTheKeyAndRefsToAlign_AndMergesUnderTheKeyItChose()
    {
        var store = await AddStoreAsync();
        var polled = await Db.Carts.UpsertAsync(ContractData.Snapshot(store.Id, "111", Now) with
        {
            PlatformRefs = new Dictionary<string, string> { ["id"] = "111", ["token"] = "tok-1" },
        }, Now, Ct);
        IReadOnlyList<CartRefMatch>? seen = null;
        CartSnapshot JoinFirstMatch(CartSnapshot snapshot, IReadOnlyList<CartRefMatch> matches)
        {
            seen = matches;
            return matches.Count == 0 ? snapshot : snapshot with { ExternalId = matches[0].ExternalId };
        }

        // A webhook keyed by its token for the checkout the poller stored under its id.
        var joined = await Db.Carts.UpsertAlignedAsync(ContractData.Snapshot(store.Id, "tok-1", Now.AddMinutes(1)) with
        {
            PlatformRefs = new Dictionary<string, string> { ["token"] = "tok-1" },
        }, JoinFirstMatch, Now, Ct);
        // The same webhook again: its cart is found under the key align chose, not created twice.
        var again = await Db.Carts.UpsertAlignedAsync(ContractData.Snapshot(store.Id, "tok-1", Now.AddMinutes(1)) with
        {
            PlatformRefs = new Dictionary<string, string> { ["token"] = "tok-1" },
        }, JoinFirstMatch, Now, Ct);
        // A checkout nothing knows yet.
        var fresh = await Db.Carts.UpsertAlignedAsync(ContractData.Snapshot(store.Id, "tok-9", Now) with
        {
            PlatformRefs = new Dictionary<string, string> { ["token"] = "tok-9" },
        }, JoinFirstMatch, Now, Ct);

        Assert.Equal((MergeOutcome.Updated, polled.Cart.Id), (joined.Outcome, joined.Cart.Id));
        Assert.Equal((MergeOutcome.Unchanged, polled.Cart.Id), (again.Outcome, again.Cart.Id));
        Assert.Equal(MergeOutcome.Created, fresh.Outcome);
        Assert.Empty(seen!);
        Assert.Equal(2, await Db.ScalarAsync<long>("SELECT COUNT(*) FROM carts WHERE store_id = @Id", new { store.Id }));
        Assert.Equal("111", (await Db.Carts.FindByRefAsync(store.Id, "tok-1", Ct))!.ExternalId);
    }

    [Fact]
    public async Task Upsert_WhenALaterSnapshotAddsARef_KeepsTheOldOnesAndPresentmentTotals()
    {
        var store = await AddStoreAsync();
        await Db.Carts.UpsertAsync(ContractData.Snapshot(store.Id, "tok-2", Now) with
        {
            PlatformRefs = new Dictionary<string, string> { ["token"] = "tok-2" }, PresentmentCurrency = "USD", PresentmentTotalMinor = 2100,
        }, Now, Ct);
        await Db.Carts.UpsertAsync(ContractData.Snapshot(store.Id, "tok-2", Now.AddMinutes(1)) with
        {
            PlatformRefs = new Dictionary<string, string> { ["id"] = "42" },
        }, Now, Ct);

        var cart = (await Db.Carts.FindByRefAsync(store.Id, "42", Ct))!;
        Assert.Equal(new Dictionary<string, string> { ["token"] = "tok-2", ["id"] = "42" }, cart.PlatformRefs);
        Assert.Equal(("USD", 2100L), (cart.PresentmentCurrency, cart.PresentmentTotalMinor!.Value));
    }

    [Fact]
    public async Task StoreUpsert_KeepsStatusAndApiBaseUrl()
    {
        var store = await Db.Stores.UpsertAsync(ContractData.Store() with { ApiBaseUrl = "http://127.0.0.1:9/" }, Ct);
        var uninstalled = await Db.Stores.UpsertAsync(store with { Status = StoreStatus.Uninstalled }, Ct);

        Assert.Equal((StoreStatus.Uninstalled, "http://127.0.0.1:9/"), (uninstalled.Status, uninstalled.ApiBaseUrl));
        Assert.Equal(store.Id, uninstalled.Id);
    }

    [Fact]
    public async Task Credentials_AreStoredProtectedAndReadBackWhole()
    {
        var store = await AddStoreAsync();
        var saved = new StoreCredentials
        {
            StoreId = store.Id, AccessToken = "shpat_secret_token", RefreshToken = "shprt_refresh", AccessTokenExpiresAt = Now.AddHours(1),
            Scopes = "read_orders", Extra = new Dictionary<string, string> { ["webhook_secret"] = "whsec" }, UpdatedAt = Now,
        };

        await Db.Credentials.SaveAsync(saved, Ct);
        await Db.Credentials.SaveAsync(saved with { AccessToken = "shpat_rotated" }, Ct);

        var payload = await Db.ScalarAsync<string>("SELECT payload FROM store_credentials WHERE store_id = @Id", new { store.Id });
        Assert.DoesNotContain("shpat_", payload, StringComparison.Ordinal);
        Assert.DoesNotContain("shprt_", payload, StringComparison.Ordinal);
        var read = (await Db.Credentials.GetAsync(store.Id, Ct))!;
        Assert.Equal(("shpat_rotated", "shprt_refresh", "whsec"), (read.AccessToken, read.RefreshToken, read.Extra["webhook_secret"]));
        await Db.Credentials.DeleteAsync(store.Id, Ct);
        Assert.Null(await Db.Credentials.GetAsync(store.Id, Ct));
    }

    [Fact]
    public async Task ConnectorState_SetTwice_KeepsTheLastValuePerStoreAndKey()
    {
        var store = await AddStoreAsync();
        await Db.ConnectorState.SetAsync(store.Id, "cursor", "2026-01-01T00:00:00Z", Ct);
        await Db.ConnectorState.SetAsync(store.Id, "cursor", "2026-01-02T00:00:00Z", Ct);

        Assert.Equal("2026-01-02T00:00:00Z", await Db.ConnectorState.GetAsync(store.Id, "cursor", Ct));
        Assert.Null(await Db.ConnectorState.GetAsync(store.Id, "other", Ct));
    }

    [Fact]
    public async Task Inbox_WhenTheSameDeliveryArrivesTwice_StoresItOnce()
    {
        Assert.True(await Db.Inbox.AcceptAsync(Delivery("wh-1"), Ct));
        Assert.False(await Db.Inbox.AcceptAsync(Delivery("wh-1"), Ct));

        Assert.Equal(1L, await Db.ScalarAsync<long>("SELECT COUNT(*) FROM webhook_deliveries"));
    }

    [Fact]
    public async Task Inbox_ClaimLeasesDeliveriesSoASecondClaimGetsNothingUntilTheLeaseEnds()
    {
        await Db.Inbox.AcceptAsync(Delivery("wh-a"), Ct);
        await Db.Inbox.AcceptAsync(Delivery("wh-b"), Ct);

        var first = await Db.Inbox.ClaimAsync(Now, Now.AddMinutes(2), 10, Ct);
        var second = await Db.Inbox.ClaimAsync(Now.AddMinutes(1), Now.AddMinutes(3), 10, Ct);
        var afterLease = await Db.Inbox.ClaimAsync(Now.AddMinutes(3), Now.AddMinutes(5), 10, Ct);

        Assert.Equal(["wh-a", "wh-b"], first.Select(d => d.DeliveryId));
        Assert.Empty(second);
        Assert.Equal(2, afterLease.Count);
    }

    [Fact]
    public async Task Inbox_FailedDeliveryIsRetriedAtItsTimeAndProcessedOnesAreNotClaimedAgain()
    {
        await Db.Inbox.AcceptAsync(Delivery("wh-f"), Ct);
        await Db.Inbox.AcceptAsync(Delivery("wh-p"), Ct);
        var claimed = await Db.Inbox.ClaimAsync(Now, Now.AddMinutes(2), 10, Ct);
        await Db.Inbox.MarkFailedAsync(claimed[0].Id, "boom", Now.AddMinutes(10), Ct);
        await Db.Inbox.MarkProcessedAsync([claimed[1].Id], Now, Ct);

        Assert.Empty(await Db.Inbox.ClaimAsync(Now.AddMinutes(5), Now.AddMinutes(6), 10, Ct));
        var retried = Assert.Single(await Db.Inbox.ClaimAsync(Now.AddMinutes(10), Now.AddMinutes(12), 10, Ct));
        Assert.Equal(("wh-f", 1, "boom"), (retried.DeliveryId, retried.Attempts, retried.LastError));

        await Db.Inbox.MarkFailedAsync(retried.Id, "boom again", null, Ct);
        Assert.Empty(await Db.Inbox.ClaimAsync(Now.AddDays(1), Now.AddDays(2), 10, Ct));
        Assert.Equal((long)WebhookStatus.Failed, await Db.ScalarAsync<long>("SELECT status FROM webhook_deliveries WHERE delivery_id = 'wh-f'"));
    }

    [Fact]
    public async Task Inbox_Claim_TakesTheEarliestDueFirst_ARetryAfterTheDeliveriesThatArrivedBeforeItsTime()
    {
        await Db.Inbox.AcceptAsync(Delivery("wh-retry"), Ct);
        var failed = Assert.Single(await Db.Inbox.ClaimAsync(Now, Now.AddMinutes(1), 10, Ct));
        await Db.Inbox.MarkFailedAsync(failed.Id, "boom", Now.AddMinutes(10), Ct);
        await Db.Inbox.AcceptAsync(Delivery("wh-new") with { ReceivedAt = Now.AddMinutes(5) }, Ct);

        var first = await Db.Inbox.ClaimAsync(Now.AddMinutes(20), Now.AddMinutes(21), 1, Ct);
        var second = await Db.Inbox.ClaimAsync(Now.AddMinutes(20), Now.AddMinutes(21), 1, Ct);

        Assert.Equal(["wh-new", "wh-retry"], first.Concat(second).Select(d => d.DeliveryId));
    }

    [Fact]
    public async Task Inbox_ForgetBody_BlanksTheBodyOfThatDeliveryOnly()
    {
        await Db.Inbox.AcceptAsync(Delivery("wh-r"), Ct);
        await Db.Inbox.AcceptAsync(Delivery("wh-k", body: """{"keep":true}"""), Ct);
        var claimed = await Db.Inbox.ClaimAsync(Now, Now.AddMinutes(2), 10, Ct);
        await Db.Inbox.MarkProcessedAsync([claimed[0].Id], Now, Ct);

        await Db.Inbox.ForgetBodyAsync(claimed[0].Id, Ct);

        Assert.Equal("", await Db.ScalarAsync<string>("SELECT body FROM webhook_deliveries WHERE delivery_id = 'wh-r'"));
        Assert.Equal("""{"keep":true}""", await Db.ScalarAsync<string>("SELECT body FROM webhook_deliveries WHERE delivery_id = 'wh-k'"));
    }

    [Fact]
    public async Task CancelPendingForStore_CancelsOnlyThatStoresPendingMessages()
    {
        var store = await AddStoreAsync();
        var other = await AddStoreAsync("shop-2");
        await AddAbandonedCartAsync(store.Id, "c1");
        var (_, otherMessages) = await AddAbandonedCartAsync(other.Id, "c2");

        Assert.Equal(3, await Db.Messages.CancelPendingForStoreAsync(store.Id, "uninstalled", Ct));
        Assert.All(await Db.Messages.ListForCartAsync(otherMessages[0].CartId, Ct), m => Assert.Equal(MessageStatus.Pending, m.Status));
    }

    [Fact]
    public async Task StoreUpsert_GivesANewStoreAPublicKeyAndKeepsIt()
    {
        var created = await AddStoreAsync();
        var updated = await Db.Stores.UpsertAsync(ContractData.Store() with { Name = "Renamed" }, Ct);

        Assert.False(string.IsNullOrEmpty(created.PublicKey));
        Assert.Equal(created.PublicKey, updated.PublicKey);
        Assert.Equal(created.Id, (await Db.Stores.FindByPublicKeyAsync(created.PublicKey!, Ct))?.Id);
        Assert.NotEqual(created.PublicKey, (await AddStoreAsync("shop-2")).PublicKey);
    }

    [Fact]
    public async Task PendingConnection_IsConsumedOnceAndNotAfterItsExpiry()
    {
        var pending = (IPendingConnectionRepository)Db.Services.GetService(typeof(IPendingConnectionRepository))!;
        Assert.True(await pending.TryCreateAsync("c-1", "woocommerce", "https://shop.example", Now, Now.AddHours(1), 10, Ct));
        Assert.True(await pending.TryCreateAsync("c-2", "woocommerce", "https://late.example", Now, Now.AddHours(1), 10, Ct));

        Assert.Equal("https://shop.example", await pending.ConsumeAsync("c-1", "woocommerce", Now, Ct));
        Assert.Null(await pending.ConsumeAsync("c-1", "woocommerce", Now, Ct));
        Assert.Null(await pending.ConsumeAsync("c-2", "woocommerce", Now.AddHours(2), Ct));
        Assert.Null(await pending.ConsumeAsync("nope", "woocommerce", Now, Ct));
    }

    [Fact]
    public async Task PendingConnectionTryCreate_AtTheCap_CreatesNothingUntilOldOnesExpire()
    {
        var pending = (IPendingConnectionRepository)Db.Services.GetService(typeof(IPendingConnectionRepository))!;
        Assert.True(await pending.TryCreateAsync("c-1", "woocommerce", "https://a.example", Now, Now.AddHours(1), 2, Ct));
        Assert.True(await pending.TryCreateAsync("c-2", "woocommerce", "https://b.example", Now, Now.AddHours(1), 2, Ct));

        Assert.False(await pending.TryCreateAsync("c-3", "woocommerce", "https://c.example", Now.AddMinutes(5), Now.AddHours(1), 2, Ct));
        Assert.Null(await pending.ConsumeAsync("c-3", "woocommerce", Now.AddMinutes(5), Ct));
        // Once the first two expired they are purged, and a new one fits again.
        Assert.True(await pending.TryCreateAsync("c-4", "woocommerce", "https://d.example", Now.AddHours(2), Now.AddHours(3), 2, Ct));
        Assert.Null(await pending.ConsumeAsync("c-1", "woocommerce", Now.AddHours(2), Ct));
        Assert.Equal("https://d.example", await pending.ConsumeAsync("c-4", "woocommerce", Now.AddHours(2), Ct));
    }

    [Fact]
    public async Task ProviderEvents_AreFoundByProviderIdAndRecordedOnce()
    {
        var store = await AddStoreAsync();
        var (_, messages) = await AddAbandonedCartAsync(store.Id, "c1");
        var claimed = await Db.Messages.ClaimDueAsync("n1", Now.AddHours(1), TimeSpan.FromMinutes(5), 1, Ct);
        await Db.Messages.MarkSentAsync(claimed[0].Id, "n1", "ada@example.com", "pm-123", Now.AddHours(1), Ct);

        var found = (await Db.Messages.FindByProviderIdAsync("pm-123", Ct))!;
        Assert.True(await Db.Messages.RecordDeliveredAsync(found.Id, Now.AddHours(2), Ct));
        Assert.False(await Db.Messages.RecordDeliveredAsync(found.Id, Now.AddHours(3), Ct));
        Assert.True(await Db.Messages.RecordOpenAsync(found.Id, Now.AddHours(4), Ct));
        Assert.False(await Db.Messages.RecordOpenAsync(found.Id, Now.AddHours(5), Ct));

        var read = (await Db.Messages.GetAsync(found.Id, Ct))!;
        Assert.Equal((Now.AddHours(2), Now.AddHours(4)), (read.DeliveredAt!.Value, read.OpenedAt!.Value));
        Assert.Null(await Db.Messages.FindByProviderIdAsync("unknown", Ct));
        var metrics = await Db.Metrics.GetAsync([store.Id], Ct);
        Assert.Equal((1L, 1L), (metrics.Delivered, metrics.Opened));
        Assert.Equal(messages[0].Id, found.Id);
    }

    [Fact]
    public async Task Release_GivesTheClaimBackWithItsAttemptOnlyToTheClaimer()
    {
        var store = await AddStoreAsync();
        await AddAbandonedCartAsync(store.Id, "c1");
        var claimed = (await Db.Messages.ClaimDueAsync("n1", Now.AddHours(1), TimeSpan.FromMinutes(5), 1, Ct)).Single();

        Assert.False(await Db.Messages.ReleaseAsync(claimed.Id, "someone-else", Now.AddHours(2), Ct));
        Assert.True(await Db.Messages.ReleaseAsync(claimed.Id, "n1", Now.AddHours(2), Ct));

        var read = (await Db.Messages.GetAsync(claimed.Id, Ct))!;
        Assert.Equal((MessageStatus.Pending, 0, Now.AddHours(2)), (read.Status, read.Attempts, read.DueAt));
    }

    [Fact]
    public async Task SuppressionRemove_RemovesOnlyThatAddress()
    {
        var store = await AddStoreAsync();
        await Db.Suppressions.SuppressAsync(store.Id, "a@example.com", "x", Now, Ct);
        await Db.Suppressions.SuppressAsync(store.Id, "b@example.com", "x", Now, Ct);

        Assert.True(await Db.Suppressions.RemoveAsync(store.Id, " A@Example.com ", Ct));
        Assert.False(await Db.Suppressions.RemoveAsync(store.Id, "a@example.com", Ct));
        Assert.Equal("b@example.com", Assert.Single(await Db.Suppressions.ListAsync(store.Id, Ct)).Email);
    }

    [Fact]
    public async Task Backlog_CountsPendingDeliveriesAndTheOldestOfThem()
    {
        var backlog = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<IWebhookBacklog>(Db.Services);
        Assert.Equal(new WebhookBacklog(0, null), await backlog.MeasureAsync(Ct));
        await Db.Inbox.AcceptAsync(Delivery("wh-b1") with { ReceivedAt = Now }, Ct);
        await Db.Inbox.AcceptAsync(Delivery("wh-b2") with { ReceivedAt = Now.AddMinutes(1) }, Ct);
        await Db.Inbox.AcceptAsync(Delivery("wh-b3") with { ReceivedAt = Now.AddMinutes(2) }, Ct);
        var first = (await Db.Inbox.ClaimAsync(Now.AddMinutes(3), Now.AddMinutes(5), 1, Ct)).Single();
        await Db.Inbox.MarkProcessedAsync([first.Id], Now.AddMinutes(3), Ct);

        Assert.Equal(new WebhookBacklog(2, Now.AddMinutes(1)), await backlog.MeasureAsync(Ct));
    }
}
