using CartRecovery.Core.Carts;
using static CartRecovery.Data.Tests.ContractData;

namespace CartRecovery.Data.Tests.Carts;

/// <summary>Capturing carts: the merge written atomically, reads, idle detection and the timeline.</summary>
public abstract class CartRepositoryContract : DatabaseContract
{
    [Fact]
    public async Task Upsert_WhenNew_CreatesCartWithEveryFieldLinesAndCapturedEvent()
    {
        var store = await AddStoreAsync();
        var lines = new[] { Line("Mug", 2, 1_500), Line("Tea", 1, 990) };
        var snapshot = Snapshot(store.Id, "chk-1", Now, "Ada@Example.com", lines);

        var result = await Db.Carts.UpsertAsync(snapshot, Now.AddSeconds(5), Ct);

        Assert.Equal(MergeOutcome.Created, result.Outcome);
        Assert.True(result.Cart.Id > 0);
        var stored = await Db.Carts.FindAsync(store.Id, "chk-1", Ct);
        Assert.NotNull(stored);
        Assert.Equal(result.Cart.Id, stored.Id);
        Assert.Equal(CartStatus.Active, stored.Status);
        Assert.Equal(snapshot.Contact, stored.Contact);
        Assert.Equal(lines, stored.Lines);
        Assert.Equal(("EUR", 3_990L, 4_485L), (stored.Currency, stored.SubtotalMinor, stored.TotalMinor));
        Assert.Equal(snapshot.RestoreUrl, stored.RestoreUrl);
        Assert.Equal((snapshot.CreatedAt, Now), (stored.PlatformCreatedAt, stored.PlatformUpdatedAt));
        Assert.Equal((Now.AddSeconds(5), Now.AddSeconds(5)), (stored.CreatedAt, stored.UpdatedAt));
        Assert.Null(stored.AbandonedAt);
        Assert.Equal("ada@example.com", await Db.ScalarAsync<string>("SELECT email_normalized FROM carts WHERE id = @Id", new { stored.Id }));
        var timeline = await Db.Carts.GetTimelineAsync(stored.Id, Ct);
        Assert.Equal(CartEventKinds.Captured, Assert.Single(timeline).Kind);
    }

    [Fact]
    public async Task Upsert_WithMoreLinesThanOneStatementTakes_StoresEveryLineInOrder()
    {
        var store = await AddStoreAsync();
        // Lines are written several rows per INSERT, up to SQL Server's parameter limit: these need two statements.
        var lines = Enumerable.Range(1, 250).Select(i => Line($"Item {i}", i, 100 + i)).ToList();
        Assert.True(lines.Count * 11 > MultiRowInsert.MaxParameters);

        await Db.Carts.UpsertAsync(Snapshot(store.Id, "chk-many", Now, lines: lines), Now, Ct);
        await Db.Carts.UpsertAsync(Snapshot(store.Id, "chk-many", Now.AddMinutes(1), lines: lines[..3]), Now, Ct);

        var stored = await Db.Carts.FindAsync(store.Id, "chk-many", Ct);
        Assert.Equal(lines[..3], stored!.Lines);
        await Db.Carts.UpsertAsync(Snapshot(store.Id, "chk-many", Now.AddMinutes(2), lines: lines), Now, Ct);
        Assert.Equal(lines, (await Db.Carts.FindAsync(store.Id, "chk-many", Ct))!.Lines);
    }

    [Fact]
    public async Task Upsert_WhenSameSnapshotArrivesTwice_ReturnsUnchangedAndKeepsOneCart()
    {
        var store = await AddStoreAsync();
        var snapshot = Snapshot(store.Id, "chk-1", Now, lines: [Line("Mug"), Line("Tea")]);
        var first = await Db.Carts.UpsertAsync(snapshot, Now, Ct);

        var second = await Db.Carts.UpsertAsync(snapshot, Now.AddMinutes(1), Ct);

        Assert.Equal(MergeOutcome.Unchanged, second.Outcome);
        Assert.Equal(first.Cart.Id, second.Cart.Id);
        Assert.Equal(1L, await Db.ScalarAsync<long>("SELECT COUNT(*) FROM carts"));
        Assert.Equal(2L, await Db.ScalarAsync<long>("SELECT COUNT(*) FROM cart_lines"));
        Assert.Single(await Db.Carts.GetTimelineAsync(first.Cart.Id, Ct));
        Assert.Equal(Now, (await Db.Carts.GetAsync(first.Cart.Id, Ct))!.UpdatedAt);
    }

    [Fact]
    public async Task Upsert_WhenTheSameNewCartArrivesConcurrently_CreatesItOnce()
    {
        var store = await AddStoreAsync();
        var snapshot = Snapshot(store.Id, "chk-1", Now, lines: [Line("Mug"), Line("Tea")]);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => Db.Carts.UpsertAsync(snapshot, Now, Ct), Ct)));

        Assert.Single(results, r => r.Outcome == MergeOutcome.Created);
        Assert.All(results, r => Assert.Equal(results[0].Cart.Id, r.Cart.Id));
        Assert.Equal(1L, await Db.ScalarAsync<long>("SELECT COUNT(*) FROM carts"));
        Assert.Equal(2L, await Db.ScalarAsync<long>("SELECT COUNT(*) FROM cart_lines"));
        Assert.Single(await Db.Carts.GetTimelineAsync(results[0].Cart.Id, Ct));
    }

    [Fact]
    public async Task Upsert_WhenRedeliveredSnapshotHasSubMillisecondTimes_IsUnchanged()
    {
        var store = await AddStoreAsync();
        var updatedAt = Now.AddTicks(1_234);
        var snapshot = Snapshot(store.Id, "chk-1", updatedAt);
        await Db.Carts.UpsertAsync(snapshot, Now, Ct);

        var second = await Db.Carts.UpsertAsync(snapshot, Now, Ct);

        Assert.Equal(MergeOutcome.Unchanged, second.Outcome);
    }

    [Fact]
    public async Task Upsert_WhenOlderSnapshotArrives_KeepsLinesAndTotalButFillsMissingEmail()
    {
        var store = await AddStoreAsync();
        var newer = Snapshot(store.Id, "chk-1", Now, email: null, lines: [Line("Mug", 1), Line("Tea", 3)]);
        var created = await Db.Carts.UpsertAsync(newer, Now, Ct);
        var older = Snapshot(store.Id, "chk-1", Now.AddMinutes(-5), email: " Late@Example.com", lines: [Line("Old", 9)]);

        var result = await Db.Carts.UpsertAsync(older, Now.AddMinutes(1), Ct);

        Assert.Equal(MergeOutcome.FilledGaps, result.Outcome);
        var stored = (await Db.Carts.GetAsync(created.Cart.Id, Ct))!;
        Assert.Equal(" Late@Example.com", stored.Contact.Email);
        Assert.Equal(["Mug", "Tea"], stored.Lines.Select(l => l.Title));
        Assert.Equal(newer.TotalMinor, stored.TotalMinor);
        Assert.Equal(Now, stored.PlatformUpdatedAt);
        Assert.Equal(2L, await Db.ScalarAsync<long>("SELECT COUNT(*) FROM cart_lines WHERE cart_id = @Id", new { stored.Id }));
        Assert.Equal("late@example.com", await Db.ScalarAsync<string>("SELECT email_normalized FROM carts WHERE id = @Id", new { stored.Id }));
        Assert.Equal([CartEventKinds.Captured, CartEventKinds.Updated], (await Db.Carts.GetTimelineAsync(stored.Id, Ct)).Select(e => e.Kind));
    }

    [Fact]
    public async Task Upsert_WhenNewerSnapshotArrives_ReplacesLinesAndTotalAndKeepsKnownEmail()
    {
        var store = await AddStoreAsync();
        var created = await Db.Carts.UpsertAsync(Snapshot(store.Id, "chk-1", Now, lines: [Line("Mug"), Line("Tea")]), Now, Ct);
        var newer = Snapshot(store.Id, "chk-1", Now.AddMinutes(3), email: null, lines: [Line("Pot", 2, 4_000)]);

        var result = await Db.Carts.UpsertAsync(newer, Now.AddMinutes(4), Ct);

        Assert.Equal(MergeOutcome.Updated, result.Outcome);
        Assert.Equal(created.Cart.Id, result.Cart.Id);
        var stored = (await Db.Carts.GetAsync(created.Cart.Id, Ct))!;
        Assert.Equal([Line("Pot", 2, 4_000)], stored.Lines);
        Assert.Equal((8_000L, 8_495L), (stored.SubtotalMinor, stored.TotalMinor));
        Assert.Equal("ada@example.com", stored.Contact.Email);
        Assert.Equal((Now.AddMinutes(3), Now.AddMinutes(4)), (stored.PlatformUpdatedAt, stored.UpdatedAt));
        Assert.Equal(1L, await Db.ScalarAsync<long>("SELECT COUNT(*) FROM cart_lines"));
    }

    [Fact]
    public async Task Upsert_WhenCartWasAbandoned_DoesNotTouchItsStatus()
    {
        var store = await AddStoreAsync();
        var (cart, _) = await AddAbandonedCartAsync(store.Id, "chk-1");

        var result = await Db.Carts.UpsertAsync(Snapshot(store.Id, "chk-1", Now.AddHours(1), lines: [Line("Pot")]), Now.AddHours(1), Ct);

        Assert.Equal(MergeOutcome.Updated, result.Outcome);
        var stored = (await Db.Carts.GetAsync(cart.Id, Ct))!;
        Assert.Equal((CartStatus.Abandoned, (DateTimeOffset?)Now), (stored.Status, stored.AbandonedAt));
    }

    [Fact]
    public async Task Upsert_StoresInstantsAsUtcUnixMilliseconds_AndReadsThemBack()
    {
        var store = await AddStoreAsync();
        var local = new DateTimeOffset(2025, 3, 14, 11, 30, 0, 123, TimeSpan.FromHours(2));

        var result = await Db.Carts.UpsertAsync(Snapshot(store.Id, "chk-1", local), local, Ct);

        var raw = await Db.ScalarAsync<long>("SELECT platform_updated_at FROM carts WHERE id = @Id", new { result.Cart.Id });
        Assert.Equal(local.ToUnixTimeMilliseconds(), raw);
        var stored = (await Db.Carts.GetAsync(result.Cart.Id, Ct))!;
        Assert.Equal(local, stored.PlatformUpdatedAt);
        Assert.Equal(TimeSpan.Zero, stored.PlatformUpdatedAt.Offset);
    }

    [Fact]
    public async Task FindIdle_RespectsEachStoresCutOffAndIgnoresCartsWithoutEmail()
    {
        var quick = await AddStoreAsync("quick", TimeSpan.FromMinutes(15));
        var slow = await AddStoreAsync("slow", TimeSpan.FromHours(2));
        var quickIdle = await AddCartAsync(quick.Id, "q-idle", Now.AddMinutes(-20));
        await AddCartAsync(quick.Id, "q-recent", Now.AddMinutes(-5));
        await AddCartAsync(quick.Id, "q-no-email", Now.AddHours(-1), email: null);
        await AddCartAsync(quick.Id, "q-blank-email", Now.AddHours(-1), email: "   ");
        await AddCartAsync(quick.Id, "q-exactly", Now.AddMinutes(-15));
        await AddCartAsync(slow.Id, "s-recent", Now.AddHours(-1));
        var slowIdle = await AddCartAsync(slow.Id, "s-idle", Now.AddHours(-3));
        await AddAbandonedCartAsync(quick.Id, "q-abandoned");

        var idle = await Db.Carts.FindIdleAsync(Now, 100, Ct);

        Assert.Equal(["s-idle", "q-idle", "q-exactly"], idle.Select(c => c.ExternalId));
        Assert.Equal(slowIdle.Lines, idle[0].Lines);
        Assert.Equal(quickIdle.Id, idle[1].Id);
    }

    [Fact]
    public async Task FindIdle_ReturnsAtMostLimitOldestFirst()
    {
        var store = await AddStoreAsync();
        for (var i = 1; i <= 5; i++)
            await AddCartAsync(store.Id, $"chk-{i}", Now.AddHours(-i));

        var idle = await Db.Carts.FindIdleAsync(Now, 2, Ct);

        Assert.Equal(["chk-5", "chk-4"], idle.Select(c => c.ExternalId));
    }

    [Fact]
    public async Task List_FiltersByStoreAndStatusNewestFirstAndPages()
    {
        var first = await AddStoreAsync("first");
        var second = await AddStoreAsync("second");
        for (var i = 1; i <= 4; i++)
            await AddCartAsync(first.Id, $"a-{i}", Now.AddMinutes(i));
        await AddCartAsync(second.Id, "b-1", Now.AddMinutes(10));
        await AddAbandonedCartAsync(first.Id, "a-abandoned");

        var page = await Db.Carts.ListAsync(new CartQuery(first.Id, CartStatus.Active, Skip: 1, Take: 2), Ct);
        var all = await Db.Carts.ListAsync(new CartQuery(), Ct);
        var abandoned = await Db.Carts.ListAsync(new CartQuery(Status: CartStatus.Abandoned), Ct);

        Assert.Equal(["a-3", "a-2"], page.Select(c => c.ExternalId));
        Assert.All(page, c => Assert.Single(c.Lines));
        Assert.Equal(6, all.Count);
        Assert.Equal("a-abandoned", Assert.Single(abandoned).ExternalId);
    }

    [Fact]
    public async Task List_LimitedToVisibleStores_ReturnsOnlyTheirCarts()
    {
        var first = await AddStoreAsync("first");
        var second = await AddStoreAsync("second");
        var third = await AddStoreAsync("third");
        await AddCartAsync(first.Id, "a-1", Now.AddMinutes(1));
        await AddCartAsync(second.Id, "b-1", Now.AddMinutes(2));
        await AddCartAsync(third.Id, "c-1", Now.AddMinutes(3));

        var visible = await Db.Carts.ListAsync(new CartQuery { StoreIds = [first.Id, second.Id] }, Ct);
        var otherStore = await Db.Carts.ListAsync(new CartQuery(third.Id) { StoreIds = [first.Id] }, Ct);
        var none = await Db.Carts.ListAsync(new CartQuery { StoreIds = [] }, Ct);

        Assert.Equal(["b-1", "a-1"], visible.Select(c => c.ExternalId));
        Assert.Empty(otherStore);
        Assert.Empty(none);
    }

    [Fact]
    public async Task List_FiltersByAbandonedDateValueAndEmailInTheQuery()
    {
        var store = await AddStoreAsync();
        async Task<Cart> AbandonedAsync(string externalId, string? email, long unitPrice, DateTimeOffset abandonedAt)
        {
            var cart = (await Db.Carts.UpsertAsync(Snapshot(store.Id, externalId, Now.AddDays(-10), email, [Line("Mug", 1, unitPrice)]),
                Now.AddDays(-10), Ct)).Cart;
            Assert.True(await Db.Carts.AbandonAsync(cart.Id, abandonedAt, [], Ct));
            return cart;
        }
        await AbandonedAsync("early", "Zoe.Martin@Example.com", 1_000, Now.AddDays(-3));
        await AbandonedAsync("middle", "bob_smith@example.com", 5_000, Now.AddDays(-2));
        await AbandonedAsync("late", "bobXsmith@example.com", 9_000, Now.AddDays(-1));
        await AbandonedAsync("no-email", null, 5_000, Now.AddDays(-2));
        await AddCartAsync(store.Id, "active", Now, "zoe.martin@example.com");

        async Task<string[]> ListAsync(CartQuery query) => [.. (await Db.Carts.ListAsync(query, Ct)).Select(c => c.ExternalId).Order()];

        Assert.Equal(["middle", "no-email"], await ListAsync(new CartQuery { AbandonedFrom = Now.AddDays(-2), AbandonedBefore = Now.AddDays(-1) }));
        // Totals are the lines plus 4.95 of shipping (ContractData.Snapshot).
        Assert.Equal(["late", "middle", "no-email"], await ListAsync(new CartQuery { MinTotalMinor = 5_495 }));
        Assert.Equal(["middle", "no-email"], await ListAsync(new CartQuery { MinTotalMinor = 5_495, MaxTotalMinor = 5_495 }));
        Assert.Equal(["active", "early"], await ListAsync(new CartQuery { EmailContains = "  ZOE.martin " }));
        // The underscore is the address's own character, not LIKE's any-one-character.
        Assert.Equal(["middle"], await ListAsync(new CartQuery { EmailContains = "bob_" }));
        Assert.Equal(["early"], await ListAsync(new CartQuery(store.Id, CartStatus.Abandoned) { EmailContains = "zoe", MaxTotalMinor = 2_000 }));
        Assert.Empty(await ListAsync(new CartQuery { EmailContains = "%" }));
    }

    [Fact]
    public async Task AddEvent_ThenGetTimeline_ReturnsEventsOldestFirst()
    {
        var store = await AddStoreAsync();
        var cart = await AddCartAsync(store.Id, "chk-1", Now);

        await Db.Carts.AddEventAsync(new CartEvent(cart.Id, Now.AddMinutes(9), CartEventKinds.Clicked, "late"), Ct);
        await Db.Carts.AddEventAsync(new CartEvent(cart.Id, Now.AddMinutes(2), CartEventKinds.MessageSent, "early"), Ct);

        var timeline = await Db.Carts.GetTimelineAsync(cart.Id, Ct);
        Assert.Equal(["Cart captured: 1 line(s), €19.95", "early", "late"], timeline.Select(e => e.Detail));
        Assert.Equal(Now.AddMinutes(2), timeline[1].At);
        Assert.All(timeline, e => Assert.True(e.Id > 0));
    }

    [Fact]
    public async Task AddEvent_WithAnEntry_KeepsItsCodeAndArgumentsBesideTheEnglishDetail()
    {
        var store = await AddStoreAsync();
        var cart = await AddCartAsync(store.Id, "chk-1", Now);
        var entry = TimelineEntry.Of(TimelineCodes.StepDeferred, TimelineArg.Of(2), TimelineArg.Instant(Now.AddHours(8)),
            TimelineArg.Of(TimelineEntry.Of(TimelineCodes.QuietHours, TimelineArg.Of("21:00"), TimelineArg.Of("08:00"), TimelineArg.Of("Europe/Paris"))));

        await Db.Carts.AddEventAsync(new CartEvent(cart.Id, Now.AddMinutes(5), CartEventKinds.MessageDeferred, entry), Ct);
        await Db.Carts.AddEventAsync(new CartEvent(cart.Id, Now.AddMinutes(6), CartEventKinds.Clicked, "written before entries"), Ct);

        var timeline = await Db.Carts.GetTimelineAsync(cart.Id, Ct);
        Assert.Equal(TimelineCodes.Captured, timeline[0].Entry?.Code);
        Assert.Equal([TimelineArg.Of(1), TimelineArg.Money(1_995, "EUR")], timeline[0].Entry!.Args);
        Assert.Equal(entry, timeline[1].Entry);
        Assert.Equal($"Step 2 waits until {Now.AddHours(8).UtcDateTime:yyyy-MM-dd HH:mm:ss}Z: quiet hours 21:00-08:00 (Europe/Paris)", timeline[1].Detail);
        Assert.Null(timeline[2].Entry);
        Assert.Equal("written before entries", timeline[2].Detail);
    }

    [Fact]
    public async Task GetMany_ReturnsTheCartsThatExistWithTheirLines_InChunksOfAnySize()
    {
        var store = await AddStoreAsync();
        var ids = new List<long>();
        for (var i = 0; i < 3; i++)
            ids.Add((await Db.Carts.UpsertAsync(Snapshot(store.Id, $"chk-{i}", Now, $"c{i}@example.com", [Line($"Item {i}", i + 1, 100)]), Now, Ct)).Cart.Id);

        var found = await Db.Carts.GetManyAsync([.. ids, 404, .. Enumerable.Range(100_000, 600).Select(i => (long)i)], Ct);

        Assert.Equal(ids, found.Select(c => c.Id).Order());
        Assert.All(found, c => Assert.Equal(ids.IndexOf(c.Id) + 1, Assert.Single(c.Lines).Quantity));
        Assert.Empty(await Db.Carts.GetManyAsync([], Ct));
    }

    [Fact]
    public async Task Get_WhenCartIsUnknown_ReturnsNull()
    {
        Assert.Null(await Db.Carts.GetAsync(404, Ct));
        Assert.Null(await Db.Carts.FindAsync(1, "nope", Ct));
    }
}
