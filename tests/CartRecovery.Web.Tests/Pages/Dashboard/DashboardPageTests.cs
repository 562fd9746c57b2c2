using System.Globalization;
using System.Net;
using CartRecovery.Connectors.Demo;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Metrics;
using CartRecovery.Core.Reasons;
using CartRecovery.Core.Stores;
using CartRecovery.Testing;
using CartRecovery.Web.Tests.Browser;
using CartRecovery.Web.Tests.Features.SignIn;

namespace CartRecovery.Web.Tests.Pages.Dashboard;

/// <summary>The home dashboard over the demo store's seeded history: figures, funnel, chart, both languages, isolation.</summary>
public sealed class DashboardPageTests : IAsyncLifetime
{
    private AppSite _site = null!;

    public async ValueTask InitializeAsync() => _site = await AppSite.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_site is not null)
            await _site.DisposeAsync();
    }

    [Fact]
    public async Task Dashboard_DemoStore_ShowsTheSeededHistoryWithNonZeroFigures()
    {
        var demo = await _site.DemoStoreAsync();
        var page = await _site.SignInAsync();

        await page.GotoAsync(_site.Url($"app?store={demo.Id}"));

        // The page shows what the API's own query counts for the same 30 days, from midnight in the shop (Paris).
        var now = _site.App.Time.GetUtcNow();
        var from = LocalMidnight(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, demo.ResolveTimeZone()).DateTime).AddDays(-29), demo.ResolveTimeZone());
        var expected = await _site.App.Service<IMetricsQuery>().GetFunnelAsync([demo.Id], from, now, AppSite.Ct);
        var funnel = new List<long>();
        foreach (var stage in new[] { "abandoned", "emailed", "clicked", "recovered" })
            funnel.Add(long.Parse(await page.InnerTextAsync($"li[data-stage={stage}] .funnel-count"), NumberStyles.AllowThousands, CultureInfo.GetCultureInfo("en-US")));
        Assert.Equal([expected.Abandoned, expected.Messaged, expected.Clicked, expected.Recovered], funnel);
        Assert.True(funnel[0] > 50 && funnel[0] >= funnel[1] && funnel[1] > funnel[2] && funnel[2] > 0 && funnel[3] > 0, string.Join(" > ", funnel));
        var revenue = await page.InnerTextAsync("[data-figure=revenue] .value");
        Assert.StartsWith("€", revenue, StringComparison.Ordinal);
        Assert.True(decimal.Parse(revenue[1..], NumberStyles.Number, CultureInfo.GetCultureInfo("en-US")) > 100, revenue);
        Assert.Equal(expected.RecoveryRate.ToString("P1", CultureInfo.GetCultureInfo("en-US")), await page.InnerTextAsync("[data-figure=rate] .value"));
        // The chart: one bar per day, some of them tall, with a text alternative and a table of the same figures.
        Assert.Equal(30, await page.Locator("svg.revenue-chart rect.bar").CountAsync());
        Assert.True(await page.Locator("svg.revenue-chart rect.bar:not(.empty-bar)").CountAsync() > 5);
        Assert.Contains("recovered over 30 days", await page.TextContentAsync("svg.revenue-chart desc"), StringComparison.Ordinal);
        Assert.Equal(30, await page.Locator(".chart-table tbody tr").CountAsync());
        Assert.Equal(3, await page.Locator("table.steps tbody tr").CountAsync());
        // The history ran the shop's own sequence with a control group: enough held-out carts for an estimate.
        Assert.Equal("Sequence “Alpine recovery”: incremental lift (control group)", await page.InnerTextAsync(".card.incremental h2"));
        Assert.Contains("95 % interval", await page.InnerTextAsync(".card.incremental"), StringComparison.Ordinal);
        Assert.StartsWith("€", await page.InnerTextAsync("[data-figure=incremental] .value"), StringComparison.Ordinal);
        // Why customers left: the reasons the history's customers gave in the period, as the API counts them.
        var reasons = await _site.App.Service<ILeaveReasonRepository>().CountAsync(demo.Id, from, now, AppSite.Ct);
        Assert.True(reasons.Count > 3, $"{reasons.Count} reasons");
        Assert.Equal(reasons.Count, await page.Locator("table.reasons tbody tr").CountAsync());
        Assert.Equal(reasons.Single(r => r.Reason == LeaveReason.ShippingCost).Carts.ToString(CultureInfo.InvariantCulture),
            await page.InnerTextAsync("table.reasons tr[data-reason=shipping] td.num >> nth=0"));
        await HeadlessChromium.SaveScreenshotsAsync(page, "dashboard-store");

        await page.ClickAsync("nav.tabs a:has-text('Last 90 days')");
        await page.WaitForURLAsync(_site.Url($"app?store={demo.Id}&days=90"));
        Assert.Equal(90, await page.Locator("svg.revenue-chart rect.bar").CountAsync());
    }

    [Fact]
    public async Task Dashboard_OfAShopWithAControlGroup_ShowsTheIncrementalRevenueBesideTheAttributed()
    {
        var demo = await _site.DemoStoreAsync();
        var sequence = await _site.App.Service<Core.Sequences.ISequenceRepository>().CreateAsync(demo.Id,
            Core.Sequences.SequencePresets.Standard with { Name = "Winter recovery", HoldOutPercent = 50 }, _site.App.Time.GetUtcNow(), AppSite.Ct);
        await ControlGroupHistory.SeedAsync(_site.App, demo, sequence.Id, 50, 260, AppSite.Ct);
        var page = await _site.SignInAsync();

        await page.GotoAsync(_site.Url($"app?store={demo.Id}"));

        // The headline sums the estimates of every sequence with enough carts: this one and the demo history's own.
        var repository = _site.App.Service<Core.Sequences.ISequenceRepository>();
        var estimates = new List<double>();
        foreach (var each in await repository.ListAsync(demo.Id, AppSite.Ct))
        {
            if (await new Core.Sequences.SequenceLift(repository).EstimateAsync(demo.Id, each.Id, demo.Currency, AppSite.Ct) is { EnoughData: true } estimate)
                estimates.Add(estimate.IncrementalRevenueMinor!.Value.Estimate);
        }
        Assert.Equal(2, estimates.Count);
        var expected = Core.Money.Format((long)Math.Round(estimates.Sum()), demo.Currency, CultureInfo.GetCultureInfo("en-US"));
        Assert.Equal(expected, await page.InnerTextAsync("[data-figure=incremental] .value"));
        Assert.Equal("Incremental revenue (control group, all time)", await page.InnerTextAsync("[data-figure=incremental] .label"));
        var card = page.Locator(".card.incremental", new() { HasText = "Winter recovery" });
        Assert.Equal("Sequence “Winter recovery”: incremental lift (control group)", await card.Locator("h2").InnerTextAsync());
        Assert.Contains("95 % interval", await card.InnerTextAsync(), StringComparison.Ordinal);
        await card.ScrollIntoViewIfNeededAsync();
        await HeadlessChromium.SaveScreenshotsAsync(page, "dashboard-control-group");

        var french = await _site.SignInAsync(locale: "fr-FR");
        await french.GotoAsync(_site.Url($"app?store={demo.Id}"));
        Assert.Equal("Revenu incrémental (groupe témoin, depuis le début)", await french.InnerTextAsync("[data-figure=incremental] .label"));
        Assert.Contains("Séquence « Winter recovery » : gain incrémental (groupe témoin)", await french.Locator(".card.incremental h2").AllInnerTextsAsync());
    }

    [Fact]
    public async Task Dashboard_OfAShopInAucklandNearMidnight_CountsEachCartOnTheShopsOwnDay()
    {
        var (account, _) = await _site.App.PersonAsync("kiwi@merchant.example", accountName: "Kiwi Merchant");
        var store = await _site.App.Service<IStoreRepository>().UpsertAsync(TestData.Store(name: "Kiwi Shop", timeZone: "Pacific/Auckland") with
        {
            Platform = Platforms.WooCommerce, ExternalId = "https://kiwi.example", AccountId = account.Id,
        }, AppSite.Ct);
        var zone = store.ResolveTimeZone();
        var yesterday = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(_site.App.Time.GetUtcNow(), zone).DateTime).AddDays(-1);
        var midnight = LocalMidnight(yesterday, zone);
        var carts = _site.App.Service<ICartRepository>();
        foreach (var (id, at) in new[] { ("late", midnight.AddMinutes(-10)), ("early", midnight.AddMinutes(10)) })
        {
            var cart = (await new RecoveryDriver(_site.App).ReportCartAsync(store, id, updatedAt: at.AddHours(-1))).Cart;
            Assert.True(await carts.AbandonAsync(cart.Id, at, [], AppSite.Ct));
        }
        // Twenty minutes apart on one UTC day (Auckland is 12 or 13 hours ahead): only the shop's own days tell them apart.
        Assert.Equal(midnight.AddMinutes(-10).UtcDateTime.Date, midnight.AddMinutes(10).UtcDateTime.Date);

        var page = await _site.SignInAsync("kiwi@merchant.example");

        string Abandoned(DateOnly day) => $".chart-table tr[data-day='{day:yyyy-MM-dd}'] td >> nth=0";
        Assert.Equal("1", await page.TextContentAsync(Abandoned(yesterday)));
        Assert.Equal("1", await page.TextContentAsync(Abandoned(yesterday.AddDays(-1))));
        Assert.Equal("2", await page.InnerTextAsync("li[data-stage=abandoned] .funnel-count"));
        Assert.Contains("Pacific/Auckland", await page.InnerTextAsync("[data-days-rule]"), StringComparison.Ordinal);
    }

    private static DateTimeOffset LocalMidnight(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    [Fact]
    public async Task Dashboard_WholeAccount_SumsTheShopsAndListsThem()
    {
        var page = await _site.SignInAsync();

        Assert.StartsWith("Alpine & Co.", await page.InnerTextAsync("h1"), StringComparison.Ordinal);
        Assert.Contains("Demo", await page.InnerTextAsync("table"), StringComparison.Ordinal);
        Assert.True(await page.Locator("svg.revenue-chart rect.bar:not(.empty-bar)").CountAsync() > 5);
        Assert.NotEqual("0", await page.InnerTextAsync("li[data-stage=recovered] .funnel-count"));
        await HeadlessChromium.SaveScreenshotsAsync(page, "dashboard-account");
    }

    [Fact]
    public async Task Dashboard_InFrench_ShowsFrenchWordsAndNumbers()
    {
        var demo = await _site.DemoStoreAsync();
        var page = await _site.SignInAsync(locale: "fr-FR");

        await page.GotoAsync(_site.Url($"app?store={demo.Id}"));

        Assert.Equal("Chiffre d’affaires récupéré", await page.InnerTextAsync("[data-figure=revenue] .label"));
        Assert.Contains("Entonnoir de récupération", await page.InnerTextAsync("#funnel-title"), StringComparison.Ordinal);
        // French money: a comma before the cents, the euro sign after the amount.
        Assert.Matches("^[\\d\u00A0\u202F ]+,\\d\\d\u00A0€$", await page.InnerTextAsync("[data-figure=revenue] .value"));
        await HeadlessChromium.SaveScreenshotsAsync(page, "dashboard-store-fr");
    }

    [Fact]
    public async Task Dashboard_OfAShopThatNeverCapturedACart_SaysWhatToDoNext()
    {
        var (account, _) = await _site.App.PersonAsync("new@merchant.example", accountName: "New Merchant");
        await _site.App.Service<IStoreRepository>().UpsertAsync(TestData.Store(name: "Fresh Shop") with
        {
            Platform = Platforms.WooCommerce, ExternalId = "https://fresh.example", AccountId = account.Id,
        }, AppSite.Ct);
        var page = await _site.SignInAsync("new@merchant.example");

        Assert.True(await page.IsVisibleAsync("[data-empty=no-carts]"));
        Assert.Equal("/app/settings", new Uri(await page.GetAttributeAsync("[data-empty=no-carts] a", "href") ?? "", UriKind.Relative).OriginalString);
        Assert.Equal(0, await page.Locator("svg.revenue-chart").CountAsync());
        await HeadlessChromium.SaveScreenshotsAsync(page, "dashboard-empty");
    }

    [Fact]
    public async Task Dashboard_WithAnotherAccountsStore_IsNotFound()
    {
        var demo = await _site.DemoStoreAsync();
        await _site.App.PersonAsync("owner@other.example", accountName: "Other");
        var other = await _site.SignedInHttpAsync("owner@other.example");

        var response = await other.GetAsync($"/app?store={demo.Id}", AppSite.Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(demo.Name, await response.Content.ReadAsStringAsync(AppSite.Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DemoHistory_WhenTheDemoStartsAgain_WritesNothingMore()
    {
        var demo = await _site.DemoStoreAsync();
        var before = await _site.App.Service<IMetricsQuery>().GetAsync([demo.Id], AppSite.Ct);

        var written = await _site.App.Service<DemoHistory>().EnsureAsync(demo, _site.App.Time.GetUtcNow(), AppSite.Ct);

        Assert.Equal(0, written);
        var after = await _site.App.Service<IMetricsQuery>().GetAsync([demo.Id], AppSite.Ct);
        Assert.Equal((before.AbandonedCarts, before.EmailsSent, before.RecoveredOrders), (after.AbandonedCarts, after.EmailsSent, after.RecoveredOrders));
        Assert.True(before.RecoveredOrders > 0 && before.EmailsSent > before.AbandonedCarts / 2);
    }
}
