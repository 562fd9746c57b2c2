using System.Net;
using CartRecovery.Connectors.Demo;
using CartRecovery.Core.Accounts;
using CartRecovery.Core.Email;
using CartRecovery.Core.Sequences;
using CartRecovery.Core.Stores;
using CartRecovery.Testing;
using CartRecovery.Web.Tests.Browser;
using CartRecovery.Web.Tests.Features.SignIn;

namespace CartRecovery.Web.Tests.Pages.Portfolio;

/// <summary>The agency portfolio: every client shop in one table, sorted on the server; merchants don't have one.</summary>
public sealed class PortfolioPageTests : IAsyncLifetime
{
    private const string AgencyOwner = "owner@agency.example";
    private AppSite _site = null!;

    public async ValueTask InitializeAsync() => _site = await AppSite.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_site is not null)
            await _site.DisposeAsync();
    }

    [Fact]
    public async Task Portfolio_OfAnAgencyWithTwoShops_SortsThemByRevenueAndLinksIntoEach()
    {
        var (busy, quiet) = await ArrangeAgencyAsync();
        var page = await _site.SignInAsync(AgencyOwner);

        await page.ClickAsync("nav a:text-is('Portfolio')");
        await page.WaitForURLAsync(_site.Url("app/portfolio"));

        // Best revenue first by default; the shop with history earned something, the new one nothing.
        Assert.Equal([busy.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), quiet.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)], await RowsAsync(page));
        Assert.Equal("descending", await page.GetAttributeAsync("th:has(a[data-sort=revenue])", "aria-sort"));
        // A zero amount, not just one ending in "0.00" ("€4,930.00").
        Assert.DoesNotMatch(@"€0\.00", await page.InnerTextAsync($"tr[data-store='{busy.Id}'] td:nth-of-type(1)"));
        Assert.Contains("No cart captured yet", await page.InnerTextAsync($"tr[data-store='{quiet.Id}']"), StringComparison.Ordinal);
        await HeadlessChromium.SaveScreenshotsAsync(page, "portfolio");

        await page.ClickAsync("a[data-sort=revenue]");
        await page.WaitForURLAsync(_site.Url("app/portfolio?sort=revenue"));
        Assert.Equal([quiet.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), busy.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)], await RowsAsync(page));
        await page.ClickAsync("a[data-sort=name]");
        await page.WaitForURLAsync(_site.Url("app/portfolio?sort=name"));
        Assert.Equal([busy.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), quiet.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)], await RowsAsync(page));

        await page.ClickAsync($"tr[data-store='{busy.Id}'] th a");
        await page.WaitForURLAsync(_site.Url($"app?store={busy.Id}"));
        Assert.Equal(busy.Name, await page.InnerTextAsync("h1"));
    }

    [Fact]
    public async Task Portfolio_InFrench_TranslatesTheTable()
    {
        await ArrangeAgencyAsync();
        var page = await _site.SignInAsync(AgencyOwner, "fr-FR");

        await page.GotoAsync(_site.Url("app/portfolio"));

        Assert.Equal("Portefeuille", await page.InnerTextAsync("h1"));
        Assert.Contains("Taux de récupération", await page.InnerTextAsync("table.portfolio thead"), StringComparison.Ordinal);
        await HeadlessChromium.SaveScreenshotsAsync(page, "portfolio-fr");
    }

    [Fact]
    public async Task Apply_ASequenceAndThenATemplateSetToTwoShops_GivesEachItsOwnVersionAndSummarizes()
    {
        var (busy, quiet) = await ArrangeAgencyAsync();
        var third = await _site.App.Service<IStoreRepository>().UpsertAsync(ClientShop("Cedar Supply", "https://cedar.example", busy.AccountId!.Value), AppSite.Ct);
        var sequences = _site.App.Service<ISequenceRepository>();
        var now = _site.App.Time.GetUtcNow();
        var winter = new SequenceDefinition("winter", [new SequenceStep(1, TimeSpan.FromHours(2), StepKind.Email, SequencePresets.ReminderTemplate)]);
        var source = await sequences.CreateAsync(busy.Id, winter, now, AppSite.Ct);
        var older = await sequences.CreateAsync(third.Id, winter with { Steps = [new SequenceStep(1, TimeSpan.FromHours(5), StepKind.Email, SequencePresets.ReminderTemplate)] }, now, AppSite.Ct);
        await _site.App.Service<ITemplateRepository>().SaveAsync(new StoreTemplate(busy.Id, SequencePresets.ReminderTemplate, "en", "subject", "Still thinking, {{ customer.first_name }}?", now), AppSite.Ct);
        var page = await _site.SignInAsync(AgencyOwner);
        await page.GotoAsync(_site.Url("app/portfolio"));

        await page.SelectOptionAsync("#bulk-source", $"sequence:{busy.Id}:{source.Id}");
        await page.CheckAsync($"input[name=Targets][value='{quiet.Id}']");
        await page.CheckAsync($"input[name=Targets][value='{third.Id}']");
        await page.ClickAsync("button:has-text('Apply')");

        await page.WaitForSelectorAsync("[data-summary]");
        Assert.Contains("created (version 1)", await page.InnerTextAsync($"[data-summary] li[data-store='{quiet.Id}']"), StringComparison.Ordinal);
        var thirdSummary = await page.InnerTextAsync($"[data-summary] li[data-store='{third.Id}']");
        Assert.Contains("new version 2 (was version 1)", thirdSummary, StringComparison.Ordinal);
        Assert.Contains("Changed: delays.", thirdSummary, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromHours(2), Assert.Single(await sequences.ListAsync(quiet.Id, AppSite.Ct)).Definition.Steps[0].Delay);
        var updated = Assert.Single(await sequences.ListAsync(third.Id, AppSite.Ct));
        Assert.Equal((older.Id, 2, TimeSpan.FromHours(2)), (updated.Id, updated.Version, updated.Definition.Steps[0].Delay));
        Assert.Single(await sequences.ListAsync(busy.Id, AppSite.Ct), s => s.Active);
        await HeadlessChromium.SaveScreenshotsAsync(page, "portfolio-applied");

        await page.GotoAsync(_site.Url("app/portfolio"));
        await page.SelectOptionAsync("#bulk-source", $"templates:{busy.Id}");
        await page.CheckAsync($"input[name=Targets][value='{quiet.Id}']");
        await page.CheckAsync($"input[name=Targets][value='{third.Id}']");
        await page.ClickAsync("button:has-text('Apply')");

        await page.WaitForSelectorAsync("[data-summary]");
        Assert.Contains("1 added, 0 replaced", await page.InnerTextAsync($"[data-summary] li[data-store='{quiet.Id}']"), StringComparison.Ordinal);
        var copied = Assert.Single(await _site.App.Service<ITemplateRepository>().ListAsync(third.Id, AppSite.Ct));
        Assert.Equal("Still thinking, {{ customer.first_name }}?", copied.Source);

        // Each shop's change is audited in that shop, like the single-shop pages and the API audit it.
        var audit = await _site.App.Service<IAuditLog>().ListAsync(busy.AccountId!.Value, 0, 50, AppSite.Ct);
        Assert.Equal(["sequence.create", "template.save"], audit.Where(e => e.StoreId == quiet.Id).Select(e => e.Action).Reverse());
        Assert.Equal(["sequence.update", "template.save"], audit.Where(e => e.StoreId == third.Id).Select(e => e.Action).Reverse());
        Assert.Contains(audit, e => e.StoreId == third.Id && e.Action == "sequence.update" && e.Target == $"sequence:{older.Id}");
    }

    [Fact]
    public async Task Apply_ToAnotherAccountsShop_IsNotFoundAndChangesNothing()
    {
        var (busy, _) = await ArrangeAgencyAsync();
        var demo = await _site.DemoStoreAsync();
        var owner = await _site.SignedInHttpAsync(AgencyOwner);

        var response = await owner.SubmitAsync("/app/portfolio", "/app/portfolio?handler=Apply", ("Source", "preset:gentle"), ("Targets", busy.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Targets", demo.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(busy.Sequence, (await _site.App.Service<IStoreRepository>().GetAsync(busy.Id, AppSite.Ct))!.Sequence);
        Assert.Equal(demo.Sequence, (await _site.DemoStoreAsync()).Sequence);
    }

    [Fact]
    public async Task Portfolio_ForAMerchantAccount_IsNotFound()
    {
        var owner = await _site.SignedInHttpAsync(AppSite.DemoOwner);

        var response = await owner.GetAsync("/app/portfolio", AppSite.Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static async Task<List<string>> RowsAsync(Microsoft.Playwright.IPage page) =>
        [.. (await page.Locator("table.portfolio tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.store)"))];

    /// <summary>An agency with two client shops: "Alder Outfitters" with two months of history, "Birch Goods" new.</summary>
    private async Task<(Store Busy, Store Quiet)> ArrangeAgencyAsync()
    {
        var accounts = _site.App.Service<IAccountRepository>();
        var agency = await accounts.CreateAsync("North Agency", AccountKind.Agency, _site.App.Time.GetUtcNow(), AppSite.Ct);
        await _site.PersonAsync(AgencyOwner, agency.Id, AccountRole.Owner);
        var stores = _site.App.Service<IStoreRepository>();
        var busy = await stores.UpsertAsync(ClientShop("Alder Outfitters", "https://alder.example", agency.Id), AppSite.Ct);
        var quiet = await stores.UpsertAsync(ClientShop("Birch Goods", "https://birch.example", agency.Id), AppSite.Ct);
        Assert.True(await _site.App.Service<DemoHistory>().EnsureAsync(busy, _site.App.Time.GetUtcNow(), AppSite.Ct) > 100);
        return (busy, quiet);
    }

    private static Store ClientShop(string name, string site, long accountId) =>
        TestData.Store(name: name) with { Platform = Platforms.WooCommerce, ExternalId = site, StorefrontUrl = site + "/", AccountId = accountId };
}
