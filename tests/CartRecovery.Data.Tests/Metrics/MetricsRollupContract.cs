using CartRecovery.Core.Attribution;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Metrics;

namespace CartRecovery.Data.Tests.Metrics;

/// <summary>The daily roll-up counts every event on the UTC day it happened, per store and currency, and replaces a re-run day.</summary>
public abstract class MetricsRollupContract : DatabaseContract
{
    private static readonly DateOnly Day = DateOnly.FromDateTime(Now.UtcDateTime);

    [Fact]
    public async Task Empty_HasNoRowsNoRollUpAndNoOldestCart()
    {
        Assert.Equal(0, await Db.Rollup.RollUpDayAsync(Day, Now, Ct));

        Assert.Empty(await Db.Rollup.ListAsync(null, Day.AddDays(-1), Day.AddDays(1), Ct));
        Assert.Null(await Db.Rollup.LastRolledUpAtAsync(Ct));
        Assert.Null(await Db.Rollup.OldestCartAsync(Ct));
    }

    [Fact]
    public async Task RollUpDay_CountsEachEventOnItsOwnDay_PerStoreAndCurrency()
    {
        var (euro, dollar) = await ArrangeScenarioAsync();

        Assert.Equal(1, await Db.Rollup.RollUpDayAsync(Day.AddDays(-1), Now.AddDays(2), Ct));
        Assert.Equal(2, await Db.Rollup.RollUpDayAsync(Day, Now.AddDays(2), Ct));
        Assert.Equal(1, await Db.Rollup.RollUpDayAsync(Day.AddDays(1), Now.AddDays(2), Ct));

        Assert.Equal(
        [
            new DailyStoreMetrics(euro, Day.AddDays(-1), "EUR", 1, 0, 0, 0, 0, 0, 0),
            new DailyStoreMetrics(euro, Day, "EUR", 2, 2, 1, 1, 1, 1, 5_000),
            new DailyStoreMetrics(dollar, Day, "USD", 1, 1, 0, 0, 0, 1, 2_000),
            new DailyStoreMetrics(euro, Day.AddDays(1), "EUR", 0, 1, 0, 1, 0, 0, 0),
        ], await Db.Rollup.ListAsync(null, Day.AddDays(-1), Day.AddDays(1), Ct));
        Assert.Equal([dollar], (await Db.Rollup.ListAsync(dollar, Day.AddDays(-5), Day.AddDays(5), Ct)).Select(m => m.StoreId));
        Assert.Equal(Now.AddDays(2), await Db.Rollup.LastRolledUpAtAsync(Ct));
        Assert.Equal(Now.AddDays(-1).AddHours(-1), await Db.Rollup.OldestCartAsync(Ct));
    }

    [Fact]
    public async Task RollUpDay_RunAgain_ReplacesOnlyThatDaysRows()
    {
        var (euro, _) = await ArrangeScenarioAsync();
        await Db.Rollup.RollUpDayAsync(Day.AddDays(-1), Now.AddDays(2), Ct);
        await Db.Rollup.RollUpDayAsync(Day, Now.AddDays(2), Ct);
        var before = await Db.Rollup.ListAsync(null, Day.AddDays(-1), Day, Ct);

        Assert.Equal(2, await Db.Rollup.RollUpDayAsync(Day, Now.AddDays(3), Ct));
        Assert.Equal(before, await Db.Rollup.ListAsync(null, Day.AddDays(-1), Day, Ct));

        await AddAbandonedCartAsync(euro, "c-late");
        Assert.Equal(2, await Db.Rollup.RollUpDayAsync(Day, Now.AddDays(4), Ct));

        var after = await Db.Rollup.ListAsync(euro, Day.AddDays(-1), Day, Ct);
        Assert.Equal([1L, 3L], after.Select(m => m.CartsAbandoned));
        Assert.Equal(Now.AddDays(4), await Db.Rollup.LastRolledUpAtAsync(Ct));
        Assert.Equal(3L, await Db.ScalarAsync<long>("SELECT COUNT(*) FROM daily_store_metrics"));
    }

    [Fact]
    public async Task RollUpDay_WithATextStep_CountsTheTextApartFromEmailsAndItsDeliveryAndClickLikeAnEmail()
    {
        var store = await AddStoreAsync("texting");
        await SendTextAndEmailAsync(store.Id);

        await Db.Rollup.RollUpDayAsync(Day, Now.AddDays(1), Ct);

        var day = Assert.Single(await Db.Rollup.ListAsync(store.Id, Day, Day, Ct));
        Assert.Equal((2L, 1L, 1L, 1L, 1L), (day.CartsAbandoned, day.EmailsSent, day.TextsSent, day.EmailsDelivered, day.EmailsClicked));
    }

    /// <summary>
    /// EUR store: c0 abandoned the day before; c1 and c2 abandoned on <see cref="Day"/>, c1's first email sent, delivered,
    /// opened and clicked that day and the cart recovered for 50.00 (its follow-up task done, which is no email); c2's
    /// first email sent that day and its second sent and opened the next day. USD store: c5 abandoned, emailed and
    /// recovered for 20.00 on <see cref="Day"/>.
    /// </summary>
    private async Task<(long Euro, long Dollar)> ArrangeScenarioAsync()
    {
        var euro = await AddStoreAsync("euro");
        var dollar = await AddStoreAsync("dollar", currency: "USD");
        var dayBefore = Now.AddDays(-1);
        var c0 = await AddCartAsync(euro.Id, "c0", dayBefore.AddHours(-1));
        Assert.True(await Db.Carts.AbandonAsync(c0.Id, dayBefore, ContractData.Plan(c0, dayBefore), Ct));
        var (c1, m1) = await AddAbandonedCartAsync(euro.Id, "c1");
        var (_, m2) = await AddAbandonedCartAsync(euro.Id, "c2");
        var (c5, m5) = await AddAbandonedCartAsync(dollar.Id, "c5", currency: "USD");
        Assert.Equal(12, (await Db.Messages.ClaimDueAsync("setup", Now.AddHours(10), TimeSpan.FromDays(2), 100, Ct)).Count);

        foreach (var (message, at) in new[] { (m1[0], Now.AddHours(1)), (m1[2], Now.AddHours(3)), (m2[0], Now.AddHours(1)),
                     (m2[1], Now.AddDays(1)), (m5[0], Now.AddHours(1)) })
            Assert.True(await Db.Messages.MarkSentAsync(message.Id, "setup", "ada@example.com", null, at, Ct));
        Assert.True(await Db.Messages.RecordDeliveredAsync(m1[0].Id, Now.AddHours(1), Ct));
        Assert.True(await Db.Messages.RecordOpenAsync(m1[0].Id, Now.AddHours(2), Ct));
        Assert.True(await Db.Messages.RecordClickAsync(m1[0].Id, Now.AddHours(3), Ct));
        Assert.True(await Db.Messages.RecordOpenAsync(m2[1].Id, Now.AddDays(1).AddHours(1), Ct));

        var orderedAt = Now.AddHours(5);
        Assert.True(await Db.Carts.ConvertAsync(new CartConversion(c1.Id, "o1", 5_000, orderedAt, new Attribution(m1[0].Id, 1)), orderedAt, Ct));
        Assert.True(await Db.Carts.ConvertAsync(new CartConversion(c5.Id, "o5", 2_000, orderedAt, new Attribution(m5[0].Id, 1)), orderedAt, Ct));
        return (euro.Id, dollar.Id);
    }
}
