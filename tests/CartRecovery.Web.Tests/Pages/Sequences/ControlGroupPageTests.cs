using CartRecovery.Core.Sequences;
using CartRecovery.Core.Stores;
using CartRecovery.Web.Tests.Browser;
using Microsoft.Playwright;

namespace CartRecovery.Web.Tests.Pages.Sequences;

/// <summary>The editor's control group share and the incremental lift card, in Chromium (issue 15).</summary>
public sealed class ControlGroupPageTests(EditorSite editors) : EditorPageTests(editors), IClassFixture<EditorSite>
{
    private ISequenceRepository Sequences => Site.App.Service<ISequenceRepository>();

    // A sequence that held out half its carts for version 1, with enough carts in each group for an interval.
    private async Task<(Store Store, StoreSequence Sequence)> ShopWithHistoryAsync(string name)
    {
        var store = await Editors.OwnStoreAsync(name);
        var sequence = await Sequences.CreateAsync(store.Id, SequencePresets.Standard with { Name = "Summer recovery", HoldOutPercent = 50 },
            Site.App.Time.GetUtcNow(), AppSite.Ct);
        await ControlGroupHistory.SeedAsync(Site.App, store, sequence.Id, 50, 260, AppSite.Ct);
        return (store, sequence);
    }

    [Fact]
    public async Task Editor_SavesTheControlGroupShare_AndShowsTheLiftWithItsInterval()
    {
        var (store, sequence) = await ShopWithHistoryAsync("Atelier Témoin");
        var page = await SignInAsync();
        await page.GotoAsync(Site.Url($"app/sequences/{sequence.Id}?store={store.Id}"));
        Assert.Equal("50", await page.InputValueAsync("#hold-out"));

        await page.FillAsync("#hold-out", "10");
        await page.ClickAsync("form#sequence-form .button-row button:has-text('Save as a new version')");

        await page.WaitForSelectorAsync(".banner.success");
        Assert.Equal([50, 10], (await Sequences.ListVersionsAsync(store.Id, sequence.Id, AppSite.Ct)).Select(v => v.Definition.HoldOutPercent));
        var card = await page.InnerTextAsync(".card.incremental");
        Assert.Contains("Incremental revenue", card, StringComparison.Ordinal);
        Assert.Contains("95 % interval", card, StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator(".card.incremental .badge.success").CountAsync());
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await HeadlessChromium.SaveScreenshotsAsync(page, "sequences-control-group");
    }

    [Fact]
    public async Task Editor_InFrench_RefusesAShareAboveFiftyOnTheField_AndSavesNothing()
    {
        var (store, sequence) = await ShopWithHistoryAsync("Atelier Témoin FR");
        var page = await SignInAsync(locale: "fr-FR");
        await page.GotoAsync(Site.Url($"app/sequences/{sequence.Id}?store={store.Id}"));

        await page.FillAsync("#hold-out", "60");
        await page.ClickAsync("form#sequence-form .button-row button:has-text('Enregistrer une nouvelle version')");

        await Assertions.Expect(page.Locator("#hold-out-error")).ToHaveTextAsync("Mettez à l'écart de 0 à 50 % des paniers.");
        Assert.Equal("true", await page.GetAttributeAsync("#hold-out", "aria-invalid"));
        Assert.Single(await Sequences.ListVersionsAsync(store.Id, sequence.Id, AppSite.Ct));
        Assert.Contains("Revenu incrémental", await page.InnerTextAsync(".card.incremental"), StringComparison.Ordinal);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await HeadlessChromium.SaveScreenshotsAsync(page, "sequences-control-group-fr");
    }
}
