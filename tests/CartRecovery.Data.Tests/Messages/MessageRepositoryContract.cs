using System.Data.Common;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Messages;
using CartRecovery.Core.Sequences;
using CartRecovery.Data.Connections;
using CartRecovery.Data.Messages;

namespace CartRecovery.Data.Tests.Messages;

/// <summary>The due-message queue: claims with leases, claimer-guarded results, clicks and opt-out cancellation.</summary>
public abstract class MessageRepositoryContract : DatabaseContract
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task ClaimDue_ClaimsOnlyDueMessages_SettingClaimerLeaseAndAttempts()
    {
        var store = await AddStoreAsync();
        var (_, messages) = await AddAbandonedCartAsync(store.Id, "chk-1");
        var now = Now.AddHours(1.5);

        var claimed = await Db.Messages.ClaimDueAsync("node-a", now, Lease, 10, Ct);

        var message = Assert.Single(claimed);
        Assert.Equal(messages[0].Id, message.Id);
        Assert.Equal((MessageStatus.Claimed, "node-a", (DateTimeOffset?)(now + Lease), 1), (message.Status, message.ClaimedBy, message.LeaseUntil, message.Attempts));
        var stored = (await Db.Messages.GetAsync(message.Id, Ct))!;
        Assert.Equal(message, stored);
        Assert.Equal(MessageStatus.Pending, (await Db.Messages.GetAsync(messages[1].Id, Ct))!.Status);
    }

    [Fact]
    public async Task ClaimDue_RespectsBatchSize_OldestDueFirst()
    {
        var store = await AddStoreAsync();
        var (_, first) = await AddAbandonedCartAsync(store.Id, "chk-1");
        var (_, second) = await AddAbandonedCartAsync(store.Id, "chk-2");
        var now = Now.AddHours(10);

        var batch1 = await Db.Messages.ClaimDueAsync("node-a", now, Lease, 4, Ct);
        var batch2 = await Db.Messages.ClaimDueAsync("node-b", now, Lease, 4, Ct);
        var batch3 = await Db.Messages.ClaimDueAsync("node-c", now, Lease, 4, Ct);

        Assert.Equal(4, batch1.Count);
        Assert.Equal([1, 1, 2, 2], batch1.Select(m => m.Step));
        Assert.Equal(2, batch2.Count);
        Assert.Equal([first[2].Id, second[2].Id], batch2.Select(m => m.Id).Order());
        Assert.Empty(batch3);
    }

    [Fact]
    public async Task ClaimDue_WhenClaimersRace_ClaimsEveryDueMessageExactlyOnce()
    {
        var store = await AddStoreAsync();
        for (var i = 0; i < 4; i++)
            await AddAbandonedCartAsync(store.Id, $"chk-{i}");
        var now = Now.AddHours(10);

        var claims = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            Task.Run(() => Db.Messages.ClaimDueAsync($"node-{i}", now, Lease, 3, Ct), Ct)));

        var ids = claims.SelectMany(c => c).Select(m => m.Id).ToList();
        Assert.Equal(12, ids.Count);
        Assert.Equal(12, ids.Distinct().Count());
        Assert.Equal(12L, await Db.ScalarAsync<long>("SELECT COUNT(*) FROM messages WHERE attempts = 1 AND status = 1"));
    }

    [Fact]
    public async Task ClaimDue_WhenLeaseHasNotExpired_AnotherClaimerGetsNothing()
    {
        var store = await AddStoreAsync();
        await AddAbandonedCartAsync(store.Id, "chk-1");
        var now = Now.AddHours(1);
        Assert.Single(await Db.Messages.ClaimDueAsync("node-a", now, Lease, 10, Ct));

        var atLeaseEnd = await Db.Messages.ClaimDueAsync("node-b", now + Lease, Lease, 10, Ct);
        var expiredAtLeaseEnd = await Db.Messages.ClaimExpiredAsync("node-b", now + Lease, Lease, 10, Ct);

        Assert.Empty(atLeaseEnd);
        Assert.Empty(expiredAtLeaseEnd);
    }

    [Fact]
    public async Task ClaimDue_WhenLeaseExpired_AnotherClaimerTakesItOverAndTheStaleClaimerCannotFinish()
    {
        var store = await AddStoreAsync();
        await AddAbandonedCartAsync(store.Id, "chk-1");
        var now = Now.AddHours(1);
        var lost = Assert.Single(await Db.Messages.ClaimDueAsync("node-a", now, Lease, 10, Ct));
        var later = now + Lease + TimeSpan.FromMilliseconds(1);

        Assert.Empty(await Db.Messages.ClaimDueAsync("node-b", later, Lease, 10, Ct));
        var reclaimed = Assert.Single(await Db.Messages.ClaimExpiredAsync("node-b", later, Lease, 10, Ct));

        Assert.Equal(lost.Id, reclaimed.Id);
        Assert.Equal(("node-b", 2, (DateTimeOffset?)(later + Lease)), (reclaimed.ClaimedBy, reclaimed.Attempts, reclaimed.LeaseUntil));
        Assert.False(await Db.Messages.MarkSentAsync(lost.Id, "node-a", "ada@example.com", "pm-1", later, Ct));
        Assert.False(await Db.Messages.MarkFailedAsync(lost.Id, "node-a", "boom", null, Ct));
        Assert.False(await Db.Messages.MarkCancelledAsync(lost.Id, "node-a", "no", Ct));
        var stored = (await Db.Messages.GetAsync(lost.Id, Ct))!;
        Assert.Equal((MessageStatus.Claimed, "node-b", (DateTimeOffset?)null), (stored.Status, stored.ClaimedBy, stored.SentAt));
    }

    [Fact]
    public async Task ClaimExpired_TakesOnlyClaimsWhoseLeaseRanOut_EarliestLeaseEndFirst_UpToTheBatch()
    {
        var store = await AddStoreAsync();
        await AddAbandonedCartAsync(store.Id, "chk-1");
        await AddAbandonedCartAsync(store.Id, "chk-2");
        await AddAbandonedCartAsync(store.Id, "chk-3");
        var now = Now.AddHours(1);
        var early = Assert.Single(await Db.Messages.ClaimDueAsync("node-a", now, Lease, 1, Ct));
        var late = Assert.Single(await Db.Messages.ClaimDueAsync("node-b", now + TimeSpan.FromSeconds(10), Lease, 1, Ct));
        var afterBoth = now + TimeSpan.FromSeconds(10) + Lease + TimeSpan.FromMilliseconds(1);

        var first = await Db.Messages.ClaimExpiredAsync("node-c", afterBoth, Lease, 1, Ct);
        var rest = await Db.Messages.ClaimExpiredAsync("node-c", afterBoth, Lease, 10, Ct);

        Assert.Equal([early.Id], first.Select(m => m.Id));
        Assert.Equal([late.Id], rest.Select(m => m.Id));
        Assert.Single(await Db.Messages.ClaimDueAsync("node-c", afterBoth, Lease, 10, Ct)); // chk-3's, still pending
    }

    [Fact]
    public async Task ClaimDue_AfterClaimsWhoseLeaseRanOutWithoutAnOutcome_CountsThemUntilAnOutcomeResetsTheCount()
    {
        var store = await AddStoreAsync();
        var (_, messages) = await AddAbandonedCartAsync(store.Id, "chk-1");
        var now = Now.AddHours(1.5);

        var first = Assert.Single(await Db.Messages.ClaimDueAsync("node-a", now, Lease, 1, Ct));
        var second = Assert.Single(await Db.Messages.ClaimExpiredAsync("node-b", now + Lease + TimeSpan.FromSeconds(1), Lease, 1, Ct));
        var third = Assert.Single(await Db.Messages.ClaimExpiredAsync("node-c", now + 2 * (Lease + TimeSpan.FromSeconds(1)), Lease, 1, Ct));
        Assert.True(await Db.Messages.MarkFailedAsync(third.Id, "node-c", "transient", now + 3 * Lease, Ct));
        var afterOutcome = Assert.Single(await Db.Messages.ClaimDueAsync("node-a", now + 3 * Lease, Lease, 1, Ct));

        Assert.Equal(messages[0].Id, first.Id);
        Assert.Equal([1, 2, 3, 1], new[] { first, second, third, afterOutcome }.Select(m => m.UnfinishedAttempts));
        Assert.Equal(4, afterOutcome.Attempts);
        Assert.True(await Db.Messages.ReleaseAsync(afterOutcome.Id, "node-a", now + 4 * Lease, Ct));
        Assert.Equal(0, (await Db.Messages.GetAsync(afterOutcome.Id, Ct))!.UnfinishedAttempts);
    }

    [Fact]
    public async Task Quarantine_ByTheClaimer_SetsItAsideForGoodAndCountsIt()
    {
        var store = await AddStoreAsync();
        var other = await AddStoreAsync("other-shop");
        await AddAbandonedCartAsync(store.Id, "chk-1");
        var now = Now.AddHours(1.5);
        var message = Assert.Single(await Db.Messages.ClaimDueAsync("node-a", now, Lease, 1, Ct));

        Assert.False(await Db.Messages.QuarantineAsync(message.Id, "node-b", "not the claimer", Ct));
        Assert.True(await Db.Messages.QuarantineAsync(message.Id, "node-a", "died mid-send 3 times", Ct));

        var stored = (await Db.Messages.GetAsync(message.Id, Ct))!;
        Assert.Equal((MessageStatus.Quarantined, "died mid-send 3 times"), (stored.Status, stored.LastError));
        Assert.DoesNotContain(await Db.Messages.ClaimDueAsync("node-a", now + TimeSpan.FromDays(30), Lease, 50, Ct), m => m.Id == message.Id);
        Assert.Empty(await Db.Messages.ClaimExpiredAsync("node-a", now + TimeSpan.FromDays(30), Lease, 50, Ct));
        Assert.Equal((1, 1, 0, 1, 0), (await Db.Messages.CountQuarantinedAsync([store.Id], Ct), await Db.Messages.CountQuarantinedAsync(null, Ct),
            await Db.Messages.CountQuarantinedAsync([other.Id], Ct), await Db.Messages.CountQuarantinedAsync([store.Id, other.Id], Ct),
            await Db.Messages.CountQuarantinedAsync([], Ct)));
    }

    [Fact]
    public async Task MarkSent_ByTheClaimer_RecordsTheSend()
    {
        var store = await AddStoreAsync();
        await AddAbandonedCartAsync(store.Id, "chk-1");
        var message = Assert.Single(await Db.Messages.ClaimDueAsync("node-a", Now.AddHours(1), Lease, 10, Ct));

        var sent = await Db.Messages.MarkSentAsync(message.Id, "node-a", "ada@example.com", "pm-1", Now.AddHours(1.1), Ct);

        Assert.True(sent);
        var stored = (await Db.Messages.GetAsync(message.Id, Ct))!;
        Assert.Equal((MessageStatus.Sent, "ada@example.com", "pm-1", (DateTimeOffset?)Now.AddHours(1.1)),
            (stored.Status, stored.Recipient, stored.ProviderMessageId, stored.SentAt));
        Assert.False(await Db.Messages.MarkSentAsync(message.Id, "node-a", "ada@example.com", "pm-2", Now.AddHours(1.2), Ct));
        Assert.Empty(await Db.Messages.ClaimDueAsync("node-b", Now.AddHours(1.9), Lease, 10, Ct));
    }

    [Fact]
    public async Task MarkFailed_WithRetryAt_ReturnsToPendingAndIsClaimedAgainOnlyFromRetryAt()
    {
        var store = await AddStoreAsync();
        await AddAbandonedCartAsync(store.Id, "chk-1");
        var now = Now.AddHours(1);
        var message = Assert.Single(await Db.Messages.ClaimDueAsync("node-a", now, Lease, 10, Ct));
        var retryAt = now.AddMinutes(30);

        Assert.True(await Db.Messages.MarkFailedAsync(message.Id, "node-a", "timeout", retryAt, Ct));

        var stored = (await Db.Messages.GetAsync(message.Id, Ct))!;
        Assert.Equal((MessageStatus.Pending, retryAt, "timeout"), (stored.Status, stored.DueAt, stored.LastError));
        Assert.Empty(await Db.Messages.ClaimDueAsync("node-a", retryAt.AddMilliseconds(-1), Lease, 10, Ct));
        var retry = Assert.Single(await Db.Messages.ClaimDueAsync("node-b", retryAt, Lease, 10, Ct));
        Assert.Equal((message.Id, 2, "node-b"), (retry.Id, retry.Attempts, retry.ClaimedBy));
    }

    [Fact]
    public async Task MarkFailed_WithoutRetryAt_FailsForGood()
    {
        var store = await AddStoreAsync();
        await AddAbandonedCartAsync(store.Id, "chk-1");
        var message = Assert.Single(await Db.Messages.ClaimDueAsync("node-a", Now.AddHours(1), Lease, 10, Ct));

        Assert.True(await Db.Messages.MarkFailedAsync(message.Id, "node-a", "bad template", null, Ct));

        var stored = (await Db.Messages.GetAsync(message.Id, Ct))!;
        Assert.Equal((MessageStatus.Failed, "bad template"), (stored.Status, stored.LastError));
        var muchLater = await Db.Messages.ClaimDueAsync("node-b", Now.AddHours(1) + Lease * 10, Lease, 10, Ct);
        Assert.DoesNotContain(muchLater, m => m.Id == message.Id);
    }

    [Fact]
    public async Task MarkCancelled_ByTheClaimer_CancelsWithReason()
    {
        var store = await AddStoreAsync();
        await AddAbandonedCartAsync(store.Id, "chk-1");
        var message = Assert.Single(await Db.Messages.ClaimDueAsync("node-a", Now.AddHours(1), Lease, 10, Ct));

        Assert.True(await Db.Messages.MarkCancelledAsync(message.Id, "node-a", "the cart is Recovered", Ct));

        var stored = (await Db.Messages.GetAsync(message.Id, Ct))!;
        Assert.Equal((MessageStatus.Cancelled, "the cart is Recovered"), (stored.Status, stored.LastError));
    }

    [Fact]
    public async Task SetOfferCode_RequiresTheClaim_AndIsKeptForTheRetry()
    {
        var store = await AddStoreAsync();
        var (_, messages) = await AddAbandonedCartAsync(store.Id, "chk-1");
        var now = Now.AddHours(2);
        Assert.Equal(2, (await Db.Messages.ClaimDueAsync("node-a", now, Lease, 10, Ct)).Count);
        var expires = now.AddHours(48);

        Assert.False(await Db.Messages.SetOfferCodeAsync(messages[1].Id, "node-b", messages[1].Offer!, "STOLEN", expires, Ct));
        // The store's rules gave this customer another offer than the step's: the retry must describe that one.
        var returning = new OfferSpec(OfferKind.FreeShipping, 0, TimeSpan.FromHours(72));
        Assert.True(await Db.Messages.SetOfferCodeAsync(messages[1].Id, "node-a", returning, "SAVE10-XYZ", expires, Ct));
        Assert.True(await Db.Messages.MarkFailedAsync(messages[1].Id, "node-a", "timeout", now.AddMinutes(1), Ct));

        var retry = Assert.Single(await Db.Messages.ClaimDueAsync("node-b", now.AddMinutes(1), Lease, 10, Ct));
        Assert.Equal(("SAVE10-XYZ", (DateTimeOffset?)expires), (retry.OfferCode, retry.OfferExpiresAt));
        Assert.Equal(returning, retry.Offer);
        Assert.NotEqual(messages[1].Offer, retry.Offer);
    }

    [Fact]
    public async Task RecordClick_OnlyTheFirstClickCounts()
    {
        var store = await AddStoreAsync();
        var (_, messages) = await AddAbandonedCartAsync(store.Id, "chk-1");

        var first = await Db.Messages.RecordClickAsync(messages[0].Id, Now.AddHours(2), Ct);
        var second = await Db.Messages.RecordClickAsync(messages[0].Id, Now.AddHours(3), Ct);

        Assert.Equal((true, false), (first, second));
        Assert.Equal(Now.AddHours(2), (await Db.Messages.GetAsync(messages[0].Id, Ct))!.ClickedAt);
        Assert.False(await Db.Messages.RecordClickAsync(404, Now, Ct));
    }

    [Fact]
    public async Task GetLink_ReadsWhatALinkNeedsOfTheMessageAndItsCart()
    {
        await AddStoreAsync("shop-0");
        var store = await AddStoreAsync();
        await AddAbandonedCartAsync(store.Id, "chk-0");
        var (cart, messages) = await AddAbandonedCartAsync(store.Id, "chk-1");
        await Db.ExecuteAsync("UPDATE messages SET offer_code = 'BACK-1', recipient = 'ada@example.com', kind = @Sms WHERE id = @Id",
            new { Sms = (int)StepKind.Sms, messages[1].Id });
        await Db.ExecuteAsync("UPDATE carts SET status = @Recovered WHERE id = @Id", new { Recovered = (int)Core.Carts.CartStatus.Recovered, cart.Id });

        var link = await Db.Messages.GetLinkAsync(messages[1].Id, Ct);

        Assert.NotNull(link);
        Assert.Equal((messages[1].Id, store.Id, messages[1].Step, StepKind.Sms, "BACK-1", "ada@example.com"),
            (link.MessageId, link.StoreId, link.Step, link.Kind, link.OfferCode, link.Recipient));
        Assert.Equal((cart.Id, store.Id, "chk-1", Core.Carts.CartStatus.Recovered, cart.RestoreUrl, "EUR", cart.Contact.Email, cart.Contact.Locale),
            (link.Cart.Id, link.Cart.StoreId, link.Cart.ExternalId, link.Cart.Status, link.Cart.RestoreUrl, link.Cart.Currency, link.Cart.Contact.Email,
                link.Cart.Contact.Locale));
        Assert.NotNull(cart.RestoreUrl);
        Assert.Empty(link.Cart.Lines);
    }

    [Fact]
    public async Task GetLink_ReadsTheRowsAsTheyAreNowEvenWhenManyRunAtOnce()
    {
        var store = await AddStoreAsync();
        var (cart, messages) = await AddAbandonedCartAsync(store.Id, "chk-1");
        Assert.Null((await Db.Messages.GetLinkAsync(messages[0].Id, Ct))!.OfferCode);

        await Db.ExecuteAsync("UPDATE messages SET offer_code = 'BACK-2' WHERE id = @Id", new { messages[0].Id });
        await Db.ExecuteAsync("UPDATE carts SET restore_url = 'https://shop.example.com/again' WHERE id = @Id", new { cart.Id });
        var again = await Db.Messages.GetLinkAsync(messages[0].Id, Ct);
        // More reads at once than the SQLite factory keeps compiled connections for.
        var ids = Enumerable.Range(0, 12).Select(i => messages[i % messages.Count].Id).ToList();
        var links = await Task.WhenAll(ids.Select(id => Task.Run(() => Db.Messages.GetLinkAsync(id, Ct), Ct)));

        Assert.Equal(("BACK-2", "https://shop.example.com/again"), (again!.OfferCode, again.Cart.RestoreUrl));
        Assert.Equal(ids, links.Select(l => l!.MessageId));
    }

    [Fact]
    public async Task GetLink_WhenMessageIsUnknown_ReturnsNull()
    {
        var store = await AddStoreAsync();
        await AddAbandonedCartAsync(store.Id, "chk-1");

        Assert.Null(await Db.Messages.GetLinkAsync(404, Ct));
    }

    [Fact]
    public async Task RecordLinkFollowed_StoresTheFirstClickAndEveryTimelineEntry()
    {
        var store = await AddStoreAsync();
        var (cart, messages) = await AddAbandonedCartAsync(store.Id, "chk-1");
        var before = (await Db.Carts.GetTimelineAsync(cart.Id, Ct)).Count;
        Core.Carts.CartEvent Clicked(DateTimeOffset at) =>
            new(cart.Id, at, Core.Carts.CartEventKinds.Clicked, "Clicked the link of step 1", messages[0].Id);

        var first = await Db.Messages.RecordLinkFollowedAsync(messages[0].Id, Clicked(Now.AddHours(2)), Ct);
        var second = await Db.Messages.RecordLinkFollowedAsync(messages[0].Id, Clicked(Now.AddHours(3)), Ct);

        Assert.Equal((true, false), (first, second));
        Assert.Equal(Now.AddHours(2), (await Db.Messages.GetAsync(messages[0].Id, Ct))!.ClickedAt);
        var clicks = (await Db.Carts.GetTimelineAsync(cart.Id, Ct)).Skip(before).ToList();
        Assert.Equal([Now.AddHours(2), Now.AddHours(3)], clicks.Select(e => e.At));
        Assert.All(clicks, e => Assert.Equal((Core.Carts.CartEventKinds.Clicked, (long?)messages[0].Id), (e.Kind, e.MessageId)));
    }

    [Fact]
    public async Task RecordLinkFollowed_WhenClicksAreQueuedTogether_SharesTransactionsAndHandsEachItsOwnFirstClick()
    {
        var store = await AddStoreAsync();
        var messages = new List<OutboundMessage>();
        for (var i = 0; i < 10; i++)
            messages.AddRange((await AddAbandonedCartAsync(store.Id, $"chk-{i}")).Messages);
        CartEvent Clicked(OutboundMessage message, DateTimeOffset at) =>
            new(message.CartId, at, CartEventKinds.Clicked, $"Clicked the link of step {message.Step}", message.Id);
        // Every third message was clicked before the burst; the burst clicks every message twice, an hour apart.
        var clickedBefore = messages.Where((_, i) => i % 3 == 0).Select(m => m.Id).ToHashSet();
        foreach (var message in messages.Where(m => clickedBefore.Contains(m.Id)))
            Assert.True(await Db.Messages.RecordLinkFollowedAsync(message.Id, Clicked(message, Now.AddHours(1)), Ct));
        var connections = new CountingConnections(Db.Connections);
        await using var commits = new GroupCommit(connections);
        var repository = new MessageRepository(connections, Db.Dialect, commits);
        var burst = messages.Select(m => (Message: m, At: Now.AddHours(2))).Concat(messages.Select(m => (Message: m, At: Now.AddHours(3)))).ToList();

        var first = await Task.WhenAll(burst.Select(c => repository.RecordLinkFollowedAsync(c.Message.Id, Clicked(c.Message, c.At), Ct)));

        Assert.Equal(burst.Select(c => c.At == Now.AddHours(2) && !clickedBefore.Contains(c.Message.Id)), first);
        Assert.True(connections.Opened < burst.Count / 2, $"{connections.Opened} transactions for {burst.Count} clicks queued at once");
        foreach (var message in messages)
        {
            Assert.Equal(Now.AddHours(clickedBefore.Contains(message.Id) ? 1 : 2), (await Db.Messages.GetAsync(message.Id, Ct))!.ClickedAt);
            var clicks = await Db.QueryAsync<long>("SELECT at FROM cart_events WHERE message_id = @Id AND kind = @Kind ORDER BY at",
                new { message.Id, Kind = CartEventKinds.Clicked });
            Assert.Equal((clickedBefore.Contains(message.Id) ? [1, 2, 3] : new[] { 2, 3 }).Select(h => DbTime.ToDb(Now.AddHours(h))), clicks);
        }
    }

    private sealed class CountingConnections(IDbConnectionFactory connections) : IDbConnectionFactory
    {
        public int Opened { get; private set; }

        public ValueTask<DbConnection> OpenAsync(CancellationToken ct)
        {
            Opened++;
            return connections.OpenAsync(ct);
        }
    }

    [Fact]
    public async Task Get_WhenMessageIsUnknown_ReturnsNull()
    {
        Assert.Null(await Db.Messages.GetAsync(404, Ct));
        Assert.Empty(await Db.Messages.ListForCartAsync(404, Ct));
    }

    [Fact]
    public async Task FirstEmailSteps_AreEachCartsLowestEmailStep_SkippingTexts()
    {
        var store = await AddStoreAsync();
        var (first, firstMessages) = await AddAbandonedCartAsync(store.Id, "c-first-a");
        var (second, secondMessages) = await AddAbandonedCartAsync(store.Id, "c-first-b");
        // The second cart's first step is a text: its first email is its next step.
        await Db.ExecuteAsync("UPDATE messages SET kind = @Sms WHERE id = @Id", new { Sms = (int)StepKind.Sms, secondMessages[0].Id });

        var steps = await Db.Messages.FirstEmailStepsAsync([first.Id, second.Id, 404], Ct);

        Assert.Equal(2, steps.Count);
        Assert.Equal((firstMessages[0].Step, secondMessages[1].Step), (steps[first.Id], steps[second.Id]));
        Assert.Empty(await Db.Messages.FirstEmailStepsAsync([], Ct));
    }

    [Fact]
    public async Task RecordProviderStatus_LaterStatesReplaceEarlierOnesNeverTheReverse()
    {
        var store = await AddStoreAsync();
        var (_, messages) = await AddAbandonedCartAsync(store.Id, "c-status");
        var id = messages[0].Id;

        Assert.True(await Db.Messages.RecordProviderStatusAsync(id, "sent", ["accepted", "queued"], null, Ct));
        Assert.True(await Db.Messages.RecordProviderStatusAsync(id, "undelivered", ["queued", "sent"], "error 30003", Ct));
        Assert.False(await Db.Messages.RecordProviderStatusAsync(id, "sent", ["queued"], null, Ct));
        Assert.False(await Db.Messages.RecordProviderStatusAsync(id, "queued", [], null, Ct));

        var read = (await Db.Messages.GetAsync(id, Ct))!;
        Assert.Equal("undelivered", read.ProviderStatus);
        Assert.Equal("error 30003", read.LastError);
        Assert.Null((await Db.Messages.GetAsync(messages[1].Id, Ct))!.ProviderStatus);
    }
}
