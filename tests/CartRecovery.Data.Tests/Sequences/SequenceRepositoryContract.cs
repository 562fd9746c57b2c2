using CartRecovery.Core.Attribution;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Metrics;
using CartRecovery.Core.Messages;
using CartRecovery.Core.Sequences;
using Microsoft.Extensions.DependencyInjection;

namespace CartRecovery.Data.Tests.Sequences;

/// <summary>A store's own sequences: immutable versions, deactivation, per-variant results, and the customer history they use.</summary>
public abstract class SequenceRepositoryContract : DatabaseContract
{
    private ISequenceRepository Sequences => Db.Services.GetRequiredService<ISequenceRepository>();
    private ICustomerHistory History => Db.Services.GetRequiredService<ICustomerHistory>();

    private static SequenceDefinition AbTest(string subjectB = "{{ customer.first_name }}, still there?", int priority = 0) =>
        new("VIP", [
            new SequenceStep(1, TimeSpan.FromSeconds(5), StepKind.Email, "reminder")
            {
                Variants = [new StepVariant("a"), new StepVariant("b", Subject: subjectB)],
            },
            new SequenceStep(2, TimeSpan.FromHours(24), StepKind.Email, "offer", new OfferSpec(OfferKind.FixedAmount, 500, TimeSpan.FromHours(72))),
            new SequenceStep(3, TimeSpan.FromHours(48), StepKind.FollowUpTask, "follow-up"),
        ])
        {
            Priority = priority,
            Conditions = new SequenceConditions
            {
                MinCartValueMinor = 1000, MaxCartValueMinor = 90_000, Customer = CustomerCondition.Returning,
                Consent = ConsentCondition.NotDeclined, Countries = ["FR", "BE"], Locales = ["fr"],
            },
        };

    [Fact]
    public async Task HoldOutPercent_IsKeptByEachVersion()
    {
        var store = await AddStoreAsync();
        var created = await Sequences.CreateAsync(store.Id, AbTest() with { HoldOutPercent = 10 }, Now, Ct);

        await Sequences.UpdateAsync(store.Id, created.Id, AbTest() with { HoldOutPercent = 25 }, Now.AddHours(1), Ct);

        Assert.Equal([10, 25], (await Sequences.ListVersionsAsync(store.Id, created.Id, Ct)).Select(v => v.Definition.HoldOutPercent));
    }

    [Fact]
    public async Task CountHoldOut_SplitsTheSequencesCartsOfTheVersionsAndCurrency_WithTheirOrders()
    {
        var store = await AddStoreAsync();
        var sequence = await Sequences.CreateAsync(store.Id, AbTest() with { HoldOutPercent = 50 }, Now, Ct);
        async Task AddAsync(string id, int version, bool control, long? order, string currency = "EUR")
        {
            var cart = await AddCartAsync(store.Id, id, Now.AddHours(-1), $"{id}@example.com", currency);
            Assert.True(await Db.Carts.AbandonAsync(cart.Id, Now, [], Ct));
            await Db.Carts.RecordSequenceAsync(cart.Id, sequence.Id, version, control, Ct);
            if (order is { } total)
                Assert.True(await Db.Carts.ConvertAsync(new CartConversion(cart.Id, "o-" + id, total, Now.AddHours(2), Attribution.Unassisted), Now.AddHours(2), Ct));
        }
        await AddAsync("t1", 1, false, 3_000);
        await AddAsync("t2", 1, false, 3_000);
        await AddAsync("t3", 1, false, null);
        await AddAsync("c1", 1, true, 5_000);
        await AddAsync("c2", 1, true, null);
        await AddAsync("other-version", 2, true, 9_000);
        await AddAsync("other-currency", 1, true, 9_000, "USD");
        await AddCartAsync(store.Id, "not-enrolled", Now.AddHours(-1), "n@example.com");

        var groups = await Sequences.CountHoldOutAsync(sequence.Id, [1], "EUR", Ct);

        Assert.Equal(new GroupOutcome(3, 2, 6_000, 2 * 3_000.0 * 3_000), groups.Treated);
        Assert.Equal(new GroupOutcome(2, 1, 5_000, 5_000.0 * 5_000), groups.Control);
        Assert.True((await Db.Carts.FindAsync(store.Id, "c1", Ct))!.InControlGroup);
        Assert.Equal((sequence.Id, 1), ((await Db.Carts.FindAsync(store.Id, "t1", Ct))!.SequenceId, (await Db.Carts.FindAsync(store.Id, "t1", Ct))!.SequenceVersion));
        Assert.Equal((null, null, false), ((await Db.Carts.FindAsync(store.Id, "not-enrolled", Ct))!.SequenceId,
            (await Db.Carts.FindAsync(store.Id, "not-enrolled", Ct))!.SequenceVersion, (await Db.Carts.FindAsync(store.Id, "not-enrolled", Ct))!.InControlGroup));
    }

    [Fact]
    public async Task Create_ThenGet_ReadsBackTheWholeDefinitionAsVersion1()
    {
        var store = await AddStoreAsync();

        var created = await Sequences.CreateAsync(store.Id, AbTest(), Now, Ct);
        var read = await Sequences.GetAsync(store.Id, created.Id, Ct);

        Assert.NotNull(read);
        Assert.Equal((1, true, store.Id, Now), (read.Version, read.Active, read.StoreId, read.CreatedAt));
        Assert.Equal(Describe(AbTest()), Describe(read.Definition));
    }

    [Fact]
    public async Task Update_AddsAVersionAndKeepsEveryEarlierOneAsItWas()
    {
        var store = await AddStoreAsync();
        var created = await Sequences.CreateAsync(store.Id, AbTest("First"), Now, Ct);

        var updated = await Sequences.UpdateAsync(store.Id, created.Id, AbTest("Second"), Now.AddHours(1), Ct);

        Assert.Equal(2, updated?.Version);
        Assert.Equal("Second", (await Sequences.GetAsync(store.Id, created.Id, Ct))!.Definition.Steps[0].Variants[1].Subject);
        var versions = await Sequences.ListVersionsAsync(store.Id, created.Id, Ct);
        Assert.Equal([(1, false, "First"), (2, true, "Second")], versions.Select(v => (v.Version, v.Active, v.Definition.Steps[0].Variants[1].Subject)));
    }

    [Fact]
    public async Task Update_LeavesMessagesScheduledFromAnEarlierVersionUnchanged()
    {
        var store = await AddStoreAsync();
        var v1 = await Sequences.CreateAsync(store.Id, AbTest("Version one"), Now, Ct);
        var carts = new List<Cart>();
        for (var i = 0; i < 6; i++)
        {
            var cart = await AddCartAsync(store.Id, $"c{i}", Now.AddHours(-1));
            Assert.True(await Db.Carts.AbandonAsync(cart.Id, Now, SequencePlanner.Plan(cart.Id, v1, Now), Ct));
            carts.Add(cart);
        }

        await Sequences.UpdateAsync(store.Id, v1.Id, AbTest("Version two") with { Steps = [AbTest().Steps[0] with { Template = "offer" }] }, Now.AddMinutes(1), Ct);

        foreach (var cart in carts)
        {
            var messages = await Db.Messages.ListForCartAsync(cart.Id, Ct);
            Assert.Equal(3, messages.Count);
            Assert.All(messages, m => Assert.Equal((v1.Id, 1), (m.SequenceId!.Value, m.SequenceVersion!.Value)));
            var first = messages[0];
            Assert.Equal("reminder", first.Template);
            Assert.Equal(first.Variant == "b" ? "Version one" : null, first.SubjectOverride);
        }
        Assert.Equal(["a", "b"], (await Db.QueryAsync<string>("SELECT DISTINCT variant FROM messages WHERE step = 1 ORDER BY variant")).ToList());
    }

    [Fact]
    public async Task UpdateOrGetOrDeactivate_AnotherStoresSequence_FindsNothing()
    {
        var store = await AddStoreAsync();
        var other = await AddStoreAsync("shop-2");
        var created = await Sequences.CreateAsync(store.Id, AbTest(), Now, Ct);

        Assert.Null(await Sequences.UpdateAsync(other.Id, created.Id, AbTest(), Now, Ct));
        Assert.Null(await Sequences.GetAsync(other.Id, created.Id, Ct));
        Assert.False(await Sequences.DeactivateAsync(other.Id, created.Id, Now, Ct));
        Assert.Empty(await Sequences.ListVersionsAsync(other.Id, created.Id, Ct));
        Assert.Equal(1, (await Sequences.GetAsync(store.Id, created.Id, Ct))!.Version);
    }

    [Fact]
    public async Task Deactivate_KeepsTheSequenceListedButInactive_AndAnEditActivatesItAgain()
    {
        var store = await AddStoreAsync();
        var created = await Sequences.CreateAsync(store.Id, AbTest(), Now, Ct);

        Assert.True(await Sequences.DeactivateAsync(store.Id, created.Id, Now, Ct));
        Assert.False(Assert.Single(await Sequences.ListAsync(store.Id, Ct)).Active);

        await Sequences.UpdateAsync(store.Id, created.Id, AbTest(), Now, Ct);
        Assert.True((await Sequences.GetAsync(store.Id, created.Id, Ct))!.Active);
    }

    [Fact]
    public async Task List_GivesTheStoresCurrentVersionsByPriorityThenAge()
    {
        var store = await AddStoreAsync();
        var other = await AddStoreAsync("shop-2");
        var late = await Sequences.CreateAsync(store.Id, AbTest(priority: 20), Now, Ct);
        var early = await Sequences.CreateAsync(store.Id, AbTest(priority: 5), Now, Ct);
        var tie = await Sequences.CreateAsync(store.Id, AbTest(priority: 20), Now, Ct);
        await Sequences.CreateAsync(other.Id, AbTest(), Now, Ct);
        await Sequences.UpdateAsync(store.Id, late.Id, AbTest(priority: 20), Now, Ct);

        var list = await Sequences.ListAsync(store.Id, Ct);

        Assert.Equal([(early.Id, 1), (late.Id, 2), (tie.Id, 1)], list.Select(s => (s.Id, s.Version)));
    }

    [Fact]
    public async Task CountResults_GivesSentDeliveredOpenedClickedRecoveredAndRevenuePerStepAndVariant()
    {
        var store = await AddStoreAsync();
        var sequence = await Sequences.CreateAsync(store.Id, AbTest(), Now, Ct);
        var planned = new List<(Cart Cart, Core.Messages.OutboundMessage First)>();
        for (var i = 0; i < 8; i++)
        {
            var cart = await AddCartAsync(store.Id, $"c{i}", Now.AddHours(-1));
            Assert.True(await Db.Carts.AbandonAsync(cart.Id, Now, SequencePlanner.Plan(cart.Id, sequence, Now), Ct));
            planned.Add((cart, (await Db.Messages.ListForCartAsync(cart.Id, Ct))[0]));
        }
        await Db.Messages.ClaimDueAsync("setup", Now.AddSeconds(10), TimeSpan.FromDays(1), 100, Ct);
        foreach (var (_, first) in planned)
            Assert.True(await Db.Messages.MarkSentAsync(first.Id, "setup", "ada@example.com", null, Now.AddSeconds(6), Ct));
        // Three carts of each variant are delivered, two open, the first of each clicks and buys.
        foreach (var group in planned.GroupBy(p => p.First.Variant))
        {
            foreach (var (_, first) in group.Take(3))
                Assert.True(await Db.Messages.RecordDeliveredAsync(first.Id, Now.AddSeconds(30), Ct));
            foreach (var (_, first) in group.Take(2))
                await Db.Messages.RecordOpenAsync(first.Id, Now.AddMinutes(1), Ct);
            var (cart, clicked) = group.First();
            await Db.Messages.RecordClickAsync(clicked.Id, Now.AddMinutes(2), Ct);
            Assert.True(await Db.Carts.ConvertAsync(new CartConversion(cart.Id, $"o{cart.Id}", 4_000, Now.AddMinutes(3),
                new Attribution(clicked.Id, 1)), Now.AddMinutes(3), Ct));
        }

        var counts = await Sequences.CountResultsAsync(sequence.Id, Ct);

        var perVariant = planned.GroupBy(p => p.First.Variant).ToDictionary(g => g.Key!, g => (long)g.Count());
        Assert.Equal(
        [
            (1, "a", perVariant["a"], Math.Min(3L, perVariant["a"]), 2L, 1L, 1L, "EUR 4000"),
            (1, "b", perVariant["b"], Math.Min(3L, perVariant["b"]), 2L, 1L, 1L, "EUR 4000"),
            (2, null, 0L, 0L, 0L, 0L, 0L, ""),
            (3, null, 0L, 0L, 0L, 0L, 0L, ""),
        ], counts.Select(c => (c.Step, c.Variant, c.Sent, c.Delivered, c.Opened, c.Clicked, c.Recovered, Money(c.Revenue))));
    }

    [Fact]
    public async Task IsReturning_WhenTheSameAddressBoughtBeforeInThisStore_IsTrue()
    {
        var store = await AddStoreAsync();
        var other = await AddStoreAsync("shop-2");
        var bought = await AddCartAsync(store.Id, "old", Now.AddDays(-3), email: "Ada@Example.com");
        Assert.True(await Db.Carts.ConvertAsync(new CartConversion(bought.Id, "o1", 1_000, Now.AddDays(-3), Attribution.Unassisted), Now.AddDays(-3), Ct));
        var now = await AddCartAsync(store.Id, "new", Now, email: "ada@example.com");
        var stranger = await AddCartAsync(store.Id, "stranger", Now, email: "bob@example.com");
        var elsewhere = await AddCartAsync(other.Id, "elsewhere", Now, email: "ada@example.com");

        Assert.True(await History.IsReturningAsync(now, Ct));
        Assert.False(await History.IsReturningAsync(stranger, Ct));
        Assert.False(await History.IsReturningAsync(elsewhere, Ct));
        Assert.False(await History.IsReturningAsync((await Db.Carts.GetAsync(bought.Id, Ct))!, Ct));
    }

    [Fact]
    public async Task OfferHistory_OfAnAddress_CountsOffersAbandonsAndOrdersInTheGivenStoresOnly()
    {
        var store = await AddStoreAsync();
        var sibling = await AddStoreAsync("shop-2");
        var stranger = await AddStoreAsync("shop-3");
        await SendOfferAsync(sibling.Id, "sibling-offer", "Ada@Example.com", Now.AddDays(-10));
        await SendOfferAsync(stranger.Id, "stranger-offer", "ada@example.com", Now.AddDays(-1));
        var bought = await AddCartAsync(store.Id, "bought", Now.AddDays(-40));
        Assert.True(await Db.Carts.ConvertAsync(new CartConversion(bought.Id, "o1", 1_000, Now.AddDays(-40), Attribution.Unassisted), Now.AddDays(-40), Ct));
        // This cart's own offer step is not "an earlier offer".
        var cart = await SendOfferAsync(store.Id, "now", "ada@example.com", Now);
        var unknown = await AddCartAsync(store.Id, "anonymous", Now, email: null);

        var history = await History.OfferHistoryAsync(cart, [store.Id, sibling.Id], Now.AddDays(-30), Ct);
        var alone = await History.OfferHistoryAsync(cart, [store.Id], Now.AddDays(-30), Ct);

        Assert.Equal(new CustomerOfferHistory(Now.AddDays(-10), 2, 1), history);
        Assert.Equal(new CustomerOfferHistory(null, 1, 1), alone);
        Assert.Equal(new CustomerOfferHistory(null, 0, 0), await History.OfferHistoryAsync(unknown, [store.Id, sibling.Id], Now.AddDays(-30), Ct));
    }

    // A cart abandoned at Now whose first step went out at sentAt with an offer code.
    private async Task<Cart> SendOfferAsync(long storeId, string externalId, string email, DateTimeOffset sentAt)
    {
        var (cart, messages) = await AddAbandonedCartAsync(storeId, externalId, email.ToLowerInvariant());
        await Db.ExecuteAsync("UPDATE messages SET status = @Claimed, claimed_by = 'test', offer_code = 'CODE' WHERE id = @Id",
            new { Id = messages[0].Id, Claimed = (int)MessageStatus.Claimed });
        Assert.True(await Db.Messages.MarkSentAsync(messages[0].Id, "test", email, "provider-id", sentAt, Ct));
        return cart;
    }

    [Fact]
    public async Task Carts_KeepTheCustomersCountry()
    {
        var store = await AddStoreAsync();
        var snapshot = ContractData.Snapshot(store.Id, "fr", Now);
        var result = await Db.Carts.UpsertAsync(snapshot with { Contact = snapshot.Contact with { Country = "FR" } }, Now, Ct);

        Assert.Equal("FR", (await Db.Carts.GetAsync(result.Cart.Id, Ct))!.Contact.Country);
    }

    private static string Money(IReadOnlyList<MoneyTotal> totals) => string.Join(", ", totals.Select(t => $"{t.Currency} {t.AmountMinor}"));

    // Records holding lists compare by reference, so compare what they print instead.
    private static string Describe(SequenceDefinition d) =>
        $"{d.Name}|{d.Priority}|{d.Conditions.MinCartValueMinor}-{d.Conditions.MaxCartValueMinor}|{d.Conditions.Customer}|{d.Conditions.Consent}|"
        + $"{string.Join(",", d.Conditions.Countries)}|{string.Join(",", d.Conditions.Locales)}|"
        + string.Join(";", d.Steps.Select(s => $"{s.Number}:{s.Delay}:{s.Kind}:{s.Template}:{s.Offer}:{string.Join(",", s.Variants)}"));
}
