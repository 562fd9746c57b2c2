using CartRecovery.Core.Attribution;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Metrics;
using CartRecovery.Core.Sequences;

namespace CartRecovery.Data.Tests.Metrics;

public abstract class MetricsQueryContract : DatabaseContract
{
    [Fact]
    public async Task Get_WhenNothingHappenedYet_ReturnsZeros()
    {
        var metrics = await Db.Metrics.GetAsync(null, Ct);

        Assert.Equal((0L, 0L, 0L, 0L, 0L), (metrics.AbandonedCarts, metrics.EmailsSent, metrics.Clicked, metrics.RecoveredOrders, metrics.UnassistedOrders));
        Assert.Empty(metrics.RecoveredRevenue);
        Assert.Empty(metrics.BySteps);
    }

    [Fact]
    public async Task Get_ForOneStore_CountsItsCartsMessagesAndRevenuePerStep()
    {
        var (euro, _) = await ArrangeScenarioAsync();

        var metrics = await Db.Metrics.GetAsync([euro], Ct);

        Assert.Equal((3L, 5L, 2L, 2L, 1L), (metrics.AbandonedCarts, metrics.EmailsSent, metrics.Clicked, metrics.RecoveredOrders, metrics.UnassistedOrders));
        Assert.Equal([new MoneyTotal("EUR", 8_000)], metrics.RecoveredRevenue);
        Assert.Equal(
        [
            (1, 3L, 1L, 1L, "EUR 5000"),
            (2, 2L, 1L, 1L, "EUR 3000"),
            (3, 1L, 0L, 0L, ""),
        ], metrics.BySteps.Select(Flatten));
        Assert.Equal(2.0 / 3, metrics.RecoveryRate, 6);
    }

    [Fact]
    public async Task Get_ForEveryStore_KeepsRevenueApartPerCurrency()
    {
        await ArrangeScenarioAsync();

        var metrics = await Db.Metrics.GetAsync(null, Ct);

        Assert.Equal((4L, 6L, 2L, 3L, 1L), (metrics.AbandonedCarts, metrics.EmailsSent, metrics.Clicked, metrics.RecoveredOrders, metrics.UnassistedOrders));
        Assert.Equal([new MoneyTotal("EUR", 8_000), new MoneyTotal("USD", 2_000)], metrics.RecoveredRevenue);
        Assert.Equal((1, 4L, 1L, 2L, "EUR 5000, USD 2000"), Flatten(metrics.BySteps[0]));
    }

    [Fact]
    public async Task Get_ForSomeStores_CountsOnlyTheirs()
    {
        var (euro, dollar) = await ArrangeScenarioAsync();
        await AddStoreAsync("empty");

        var both = await Db.Metrics.GetAsync([euro, dollar], Ct);
        var dollarOnly = await Db.Metrics.GetAsync([dollar], Ct);
        var none = await Db.Metrics.GetAsync([], Ct);

        Assert.Equal((4L, 6L, 3L), (both.AbandonedCarts, both.EmailsSent, both.RecoveredOrders));
        Assert.Equal((1L, 1L, 1L), (dollarOnly.AbandonedCarts, dollarOnly.EmailsSent, dollarOnly.RecoveredOrders));
        Assert.Equal([new MoneyTotal("USD", 2_000)], dollarOnly.RecoveredRevenue);
        Assert.Equal((0L, 0L), (none.AbandonedCarts, none.EmailsSent));
        Assert.Empty(none.BySteps);
    }

    [Fact]
    public async Task GetFunnel_ForAPeriod_CountsEachAbandonedCartOnceAtEachStage()
    {
        var (euro, dollar) = await ArrangeScenarioAsync();

        var both = await Db.Metrics.GetFunnelAsync([euro, dollar], Now.AddDays(-1), Now.AddDays(1), Ct);
        var dollarOnly = await Db.Metrics.GetFunnelAsync([dollar], Now.AddDays(-1), Now.AddDays(1), Ct);
        var later = await Db.Metrics.GetFunnelAsync([euro, dollar], Now.AddMilliseconds(1), Now.AddDays(1), Ct);

        // Cart 3 got two emails and a task but counts once; the active cart 4 was never abandoned.
        Assert.Equal(new RecoveryFunnel(4, 4, 2, 3), both);
        Assert.Equal(new RecoveryFunnel(1, 1, 0, 1), dollarOnly);
        Assert.Equal(RecoveryFunnel.Empty, later);
        Assert.Equal(RecoveryFunnel.Empty, await Db.Metrics.GetFunnelAsync([], Now.AddDays(-1), Now.AddDays(1), Ct));
    }

    [Fact]
    public async Task GetQuarterHours_ForAPeriod_CountsEachEventInItsQuarterHour()
    {
        var (euro, dollar) = await ArrangeScenarioAsync();

        var buckets = await Db.Metrics.GetQuarterHoursAsync([euro], Now.AddMinutes(-1), Now.AddDays(1), Ct);
        var later = await Db.Metrics.GetQuarterHoursAsync([euro, dollar], Now.AddHours(4), Now.AddDays(1), Ct);

        // Abandoned at Now; step 1 emails at Now + 1 hour, step 2 at + 2 (step 3 is a task, not an email); orders at + 5, the unassisted one not recovered.
        Assert.Equal(
        [
            (Now, 3L, 0L, 0L, 0L),
            (Now.AddHours(1), 0L, 3L, 0L, 0L),
            (Now.AddHours(2), 0L, 2L, 0L, 0L),
            (Now.AddHours(5), 0L, 0L, 2L, 8_000L),
        ], buckets.Select(b => (b.Start, b.Abandoned, b.EmailsSent, b.RecoveredOrders, b.RecoveredRevenueMinor)));
        Assert.All(buckets, b => Assert.Equal((euro, "EUR"), (b.StoreId, b.Currency)));
        Assert.Equal([(euro, 2L), (dollar, 1L)], later.Select(b => (b.StoreId, b.RecoveredOrders)));
        Assert.Empty(await Db.Metrics.GetQuarterHoursAsync([], Now, Now.AddDays(1), Ct));
    }

    [Fact]
    public async Task GetSteps_ForAPeriod_CountsTheMessagesSentInItAndTheOrdersTheyRecovered()
    {
        var (euro, _) = await ArrangeScenarioAsync();

        var all = await Db.Metrics.GetStepsAsync([euro], Now, Now.AddDays(1), Ct);
        var fromStep2 = await Db.Metrics.GetStepsAsync([euro], Now.AddHours(2), Now.AddDays(1), Ct);

        Assert.Equal([(1, 3L, 1L, 1L, "EUR 5000"), (2, 2L, 1L, 1L, "EUR 3000"), (3, 1L, 0L, 0L, "")], all.Select(Flatten));
        Assert.Equal([(2, 2L, 1L, 1L, "EUR 3000"), (3, 1L, 0L, 0L, "")], fromStep2.Select(Flatten));
    }

    [Fact]
    public async Task GetAndFunnel_WithATextStep_CountTheTextLikeAnEmail()
    {
        var store = await AddStoreAsync("texting");
        var (texted, text) = await SendTextAndEmailAsync(store.Id);
        var orderedAt = Now.AddHours(4);
        Assert.True(await Db.Carts.ConvertAsync(new CartConversion(texted.Id, "o-sms", 4_000, orderedAt, new Attribution(text.Id, 1)), orderedAt, Ct));

        var metrics = await Db.Metrics.GetAsync([store.Id], Ct);
        var funnel = await Db.Metrics.GetFunnelAsync([store.Id], Now.AddDays(-1), Now.AddDays(1), Ct);
        var steps = await Db.Metrics.GetStepsAsync([store.Id], Now, Now.AddDays(1), Ct);
        var buckets = await Db.Metrics.GetQuarterHoursAsync([store.Id], Now.AddHours(1), Now.AddDays(1), Ct);

        Assert.Equal((1L, 1L, 1L, 1L, 1L), (metrics.EmailsSent, metrics.TextsSent, metrics.Delivered, metrics.Clicked, metrics.RecoveredOrders));
        Assert.Equal([new MoneyTotal("EUR", 4_000)], metrics.RecoveredRevenue);
        Assert.Equal((1, 2L, 1L, 1L, "EUR 4000"), Flatten(metrics.BySteps[0]));
        Assert.Equal(new RecoveryFunnel(2, 2, 1, 1) { Texted = 1 }, funnel);
        Assert.Equal((1, 2L, 1L, 1L, "EUR 4000"), Flatten(steps[0]));
        Assert.Equal([(1L, 1L, 0L), (0L, 0L, 1L)], buckets.Select(b => (b.EmailsSent, b.TextsSent, b.RecoveredOrders)));
    }

    private static (int, long, long, long, string) Flatten(StepMetrics s) =>
        (s.Step, s.Sent, s.Clicked, s.RecoveredOrders, string.Join(", ", s.RecoveredRevenue.Select(r => $"{r.Currency} {r.AmountMinor}")));

    /// <summary>
    /// EUR store: cart 1 recovered by step 1 (clicked), cart 2 by step 2 (clicked), cart 3 converted on its own after
    /// two emails and a task, cart 4 still active. USD store: cart 5 recovered by step 1.
    /// </summary>
    private async Task<(long Euro, long Dollar)> ArrangeScenarioAsync()
    {
        var euro = await AddStoreAsync("euro");
        var dollar = await AddStoreAsync("dollar", currency: "USD");
        var (c1, m1) = await AddAbandonedCartAsync(euro.Id, "c1");
        var (c2, m2) = await AddAbandonedCartAsync(euro.Id, "c2");
        var (c3, m3) = await AddAbandonedCartAsync(euro.Id, "c3");
        await AddCartAsync(euro.Id, "c4", Now);
        var (c5, m5) = await AddAbandonedCartAsync(dollar.Id, "c5", currency: "USD");
        Assert.Equal(12, (await Db.Messages.ClaimDueAsync("setup", Now.AddHours(10), TimeSpan.FromDays(1), 100, Ct)).Count);

        foreach (var message in new[] { m1[0], m2[0], m2[1], m3[0], m3[1], m3[2], m5[0] })
            Assert.True(await Db.Messages.MarkSentAsync(message.Id, "setup", "ada@example.com", null, Now.AddHours(message.Step), Ct));
        Assert.True(await Db.Messages.RecordClickAsync(m1[0].Id, Now.AddHours(4), Ct));
        Assert.True(await Db.Messages.RecordClickAsync(m2[1].Id, Now.AddHours(4), Ct));

        var orderedAt = Now.AddHours(5);
        Assert.True(await Db.Carts.ConvertAsync(new CartConversion(c1.Id, "o1", 5_000, orderedAt, new Attribution(m1[0].Id, 1)), orderedAt, Ct));
        Assert.True(await Db.Carts.ConvertAsync(new CartConversion(c2.Id, "o2", 3_000, orderedAt, new Attribution(m2[1].Id, 2)), orderedAt, Ct));
        Assert.True(await Db.Carts.ConvertAsync(new CartConversion(c3.Id, "o3", 1_000, orderedAt, Attribution.Unassisted), orderedAt, Ct));
        Assert.True(await Db.Carts.ConvertAsync(new CartConversion(c5.Id, "o5", 2_000, orderedAt, new Attribution(m5[0].Id, 1)), orderedAt, Ct));
        return (euro.Id, dollar.Id);
    }
}
