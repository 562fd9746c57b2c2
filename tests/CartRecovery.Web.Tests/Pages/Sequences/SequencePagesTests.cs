using System.Globalization;
using System.Net;
using CartRecovery.Core.Accounts;
using CartRecovery.Core.Sequences;
using CartRecovery.Core.Stores;
using CartRecovery.Web.Tests.Browser;
using Microsoft.Extensions.Localization;
using Microsoft.Playwright;

namespace CartRecovery.Web.Tests.Pages.Sequences;

/// <summary>The sequences list, the editor with its live preview and versions, and the questionnaire, in Chromium.</summary>
public sealed class SequencePagesTests(EditorSite editors) : EditorPageTests(editors), IClassFixture<EditorSite>
{
    private ISequenceRepository Sequences => Site.App.Service<ISequenceRepository>();

    private async Task<(Store Store, StoreSequence Sequence)> ShopWithSequenceAsync(string name = "Atelier Lumen")
    {
        var store = await Editors.OwnStoreAsync(name);
        var sequence = await Sequences.CreateAsync(store.Id, SequencePresets.Standard with { Name = "Summer recovery" },
            Site.App.Time.GetUtcNow(), AppSite.Ct);
        return (store, sequence);
    }

    [Fact]
    public async Task Editor_WhenAStepChanges_PreviewFollowsAndSavingAddsAVersion()
    {
        var (store, sequence) = await ShopWithSequenceAsync();
        var page = await SignInAsync();

        await page.GotoAsync(Site.Url($"app/sequences/{sequence.Id}?store={store.Id}"));
        Assert.Equal("Summer recovery", await page.InnerTextAsync("h1"));
        var firstSubject = await page.InnerTextAsync("#preview [data-preview-subject]");
        // The live preview: typing a variant's subject re-renders the email without saving anything.
        await page.FillAsync("input[name='Form.Steps[0].Variants[0].Key']", "calm");
        await page.FillAsync("input[name='Form.Steps[0].Variants[0].Subject']", "Still thinking it over, {{ customer.first_name }}?");
        await page.FillAsync("input[name='Form.Steps[0].Variants[1].Key']", "bold");
        await page.FillAsync("input[name='Form.Steps[0].Variants[1].Subject']", "Your basket misses you");
        await Assertions.Expect(page.Locator("#preview [data-preview-subject]").First).ToHaveTextAsync("Still thinking it over, Alex?");
        Assert.NotEqual("Still thinking it over, Alex?", firstSubject);
        Assert.Equal(2, await page.Locator("#preview section.email-preview").CountAsync());
        // The offer step: a bigger discount shows in the email itself, at both widths.
        await page.SelectOptionAsync("#preview-step", "1");
        await page.FillAsync("#offer-value-1", "25");
        await EditorSite.FramedEmailAsync(page, "#preview .preview-desktop iframe >> nth=0", "25%");
        await EditorSite.FramedEmailAsync(page, "#preview .preview-phone iframe >> nth=0", "25%");
        Assert.Single(await Sequences.ListVersionsAsync(store.Id, sequence.Id, AppSite.Ct));
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await HeadlessChromium.SaveScreenshotsAsync(page, "sequences-editor");

        await page.ClickAsync(".page-head button:has-text('Save as a new version')");

        await page.WaitForSelectorAsync(".banner.success");
        var versions = await Sequences.ListVersionsAsync(store.Id, sequence.Id, AppSite.Ct);
        Assert.Equal([1, 2], versions.Select(v => v.Version));
        var saved = versions[^1].Definition;
        Assert.Equal(["calm", "bold"], saved.Steps[0].Variants.Select(v => v.Key));
        Assert.Equal(25, saved.Steps[1].Offer!.Value);
        Assert.Equal(10, versions[0].Definition.Steps[1].Offer!.Value);
        Assert.Equal(2, await page.Locator(".versions .version-list > li").CountAsync());
        Assert.Contains("Version 1", await page.InnerTextAsync(".versions"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Save_WhenADelayIsNegative_ShowsTheFieldErrorAndSavesNothing()
    {
        var (store, sequence) = await ShopWithSequenceAsync();
        var page = await SignInAsync();
        await page.GotoAsync(Site.Url($"app/sequences/{sequence.Id}?store={store.Id}"));

        await page.FillAsync("#delay-0", "-2");
        await page.ClickAsync("form#sequence-form .button-row button:has-text('Save as a new version')");

        var error = page.Locator("#delay-0-error");
        // The merchant's words for the API's rule (the API keeps "steps[0].delaySeconds must be between 0 and …").
        await Assertions.Expect(error).ToHaveTextAsync("The wait must be between 0 and 30 days.");
        Assert.Equal("true", await page.GetAttributeAsync("#delay-0", "aria-invalid"));
        Assert.Equal("-2", await page.InputValueAsync("#delay-0"));
        Assert.Single(await Sequences.ListVersionsAsync(store.Id, sequence.Id, AppSite.Ct));
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await HeadlessChromium.SaveScreenshotsAsync(page, "sequences-editor-error");
    }

    [Fact]
    public async Task DelayTest_AVariantWaitingPastTheNextStep_IsRefused_ThenSavedWithItsOwnWait()
    {
        var (store, sequence) = await ShopWithSequenceAsync();
        var page = await SignInAsync();
        await page.GotoAsync(Site.Url($"app/sequences/{sequence.Id}?store={store.Id}"));

        // Step 1 waits 1 hour; its variant "late" waits 30 hours, past step 2 (24 hours): step 2 must move, not overtake.
        await page.FillAsync("input[name='Form.Steps[0].Variants[0].Key']", "soon");
        await page.FillAsync("input[name='Form.Steps[0].Variants[1].Key']", "late");
        await page.FillAsync("input[name='Form.Steps[0].Variants[1].Delay']", "30");
        await page.ClickAsync("form#sequence-form .button-row button:has-text('Save as a new version')");

        await Assertions.Expect(page.Locator("#delay-1-error")).ToHaveTextAsync("This wait must be longer than every wait of the step before it.");
        Assert.Single(await Sequences.ListVersionsAsync(store.Id, sequence.Id, AppSite.Ct));
        Assert.Equal("30", await page.InputValueAsync("input[name='Form.Steps[0].Variants[1].Delay']"));

        await page.FillAsync("input[name='Form.Steps[0].Variants[1].Delay']", "4");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await HeadlessChromium.SaveScreenshotsAsync(page, "sequences-editor-delay-test");
        await page.ClickAsync(".page-head button:has-text('Save as a new version')");

        await page.WaitForSelectorAsync(".banner.success");
        var saved = (await Sequences.ListVersionsAsync(store.Id, sequence.Id, AppSite.Ct))[^1].Definition.Steps[0];
        Assert.Equal([null, TimeSpan.FromHours(4)], saved.Variants.Select(v => v.Delay));
        Assert.Equal("4", await page.InputValueAsync("input[name='Form.Steps[0].Variants[1].Delay']"));
        Assert.Equal("hours", await page.InputValueAsync("select[name='Form.Steps[0].Variants[1].Unit']"));
    }

    [Fact]
    public async Task Save_InFrench_ShowsTheFieldErrorInFrench()
    {
        var (store, sequence) = await ShopWithSequenceAsync();
        var page = await SignInAsync(locale: "fr-FR");
        await page.GotoAsync(Site.Url($"app/sequences/{sequence.Id}?store={store.Id}"));

        await page.FillAsync("#delay-0", "-2");
        await page.ClickAsync("form#sequence-form .button-row button:has-text('Enregistrer une nouvelle version')");

        await Assertions.Expect(page.Locator("#delay-0-error")).ToHaveTextAsync("Le délai doit être compris entre 0 et 30 jours.");
        Assert.Single(await Sequences.ListVersionsAsync(store.Id, sequence.Id, AppSite.Ct));
    }

    [Fact]
    public async Task Editor_SaysWhoGetsAnOfferStepWithoutItsCode_AsTheShopsRulesSay()
    {
        var (store, sequence) = await ShopWithSequenceAsync();
        var page = await SignInAsync();
        await page.GotoAsync(Site.Url($"app/sequences/{sequence.Id}?store={store.Id}"));
        Assert.Contains("Not to a customer sent an offer in the last 30 days, nor after 3 abandoned carts without an order",
            await page.InnerTextAsync("[data-offer-rules] >> nth=0"), StringComparison.Ordinal);

        await Site.App.Service<IStorePolicyRepository>().SaveAsync(store.Id, SendingPolicy.Default with { Offers = new(CooldownDays: 14, FarmingAbandons: 0) },
            Site.App.Time.GetUtcNow(), AppSite.Ct);
        var french = await SignInAsync(locale: "fr-FR");
        await french.GotoAsync(Site.Url($"app/sequences/{sequence.Id}?store={store.Id}"));

        var hint = french.Locator("[data-offer-rules] >> nth=0");
        Assert.Contains("Pas à un client qui a reçu une offre dans les 14 derniers jours", await hint.InnerTextAsync(), StringComparison.Ordinal);
        Assert.EndsWith("tab=sending", await hint.Locator("a").GetAttributeAsync("href"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReturningCustomerOffer_SetOnTheSendingTab_ShowsUnderEveryOfferStep()
    {
        var (store, sequence) = await ShopWithSequenceAsync();
        var page = await SignInAsync();
        await page.GotoAsync(Site.Url($"app/settings?store={store.Id}&tab=sending"));

        await page.SelectOptionAsync("#returning-kind", "fixed-amount");
        await page.FillAsync("#returning-value", "0");
        await page.ClickAsync("button:has-text('Save sending policy')");
        await Assertions.Expect(page.Locator("#returning-value-error")).ToContainTextAsync("Enter a percentage from 1 to 100");
        Assert.Null((await Site.App.Service<IStorePolicyRepository>().GetAsync(store.Id, AppSite.Ct)).Offers.ReturningCustomerOffer);

        await page.FillAsync("#returning-value", "7.50");
        await page.FillAsync("#returning-hours", "72");
        await page.ClickAsync("button:has-text('Save sending policy')");
        await Assertions.Expect(page.Locator(".banner.success")).ToHaveTextAsync("Saved.");
        Assert.Equal(new OfferSpec(OfferKind.FixedAmount, 750, TimeSpan.FromHours(72)),
            (await Site.App.Service<IStorePolicyRepository>().GetAsync(store.Id, AppSite.Ct)).Offers.ReturningCustomerOffer);
        Assert.Equal("7.5", await page.InputValueAsync("#returning-value"));
        await page.Locator("[data-returning-offer]").ScrollIntoViewIfNeededAsync();
        await HeadlessChromium.SaveScreenshotsAsync(page, "settings-returning-offer");

        await page.GotoAsync(Site.Url($"app/sequences/{sequence.Id}?store={store.Id}"));
        Assert.Equal("Customers who ordered before get €7.50 off instead.", await page.InnerTextAsync("[data-offer-rules] [data-returning-offer] >> nth=0"));
        var french = await SignInAsync(locale: "fr-FR");
        await french.GotoAsync(Site.Url($"app/sequences/{sequence.Id}?store={store.Id}"));
        Assert.Equal("Les clients qui ont déjà commandé reçoivent plutôt 7,50 € de remise.",
            (await french.InnerTextAsync("[data-offer-rules] [data-returning-offer] >> nth=0")).Replace('\u202f', ' ').Replace('\u00a0', ' '));
    }

    [Fact]
    public void ErrorTexts_EveryRule_HasItsFrenchWords()
    {
        var texts = Site.App.Service<IStringLocalizer<CartRecovery.Web.Pages.Sequences.EditModel>>();
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fr-FR");
        try
        {
            var missing = SequenceRuleTexts.Words.Where(w => w.Key != SequenceRuleTexts.Text && texts[w.Value].ResourceNotFound).ToList();
            Assert.Empty(missing);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public async Task List_ShowsPresetsAndOwnSequences_AndSwitchesThem()
    {
        var (store, sequence) = await ShopWithSequenceAsync("Maison Verte");
        var page = await SignInAsync();
        await page.GotoAsync(Site.Url($"app/sequences?store={store.Id}"));

        Assert.Contains("Summer recovery", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        // Each wait names its own banner: the previous action's banner is still on the page until the next one lands,
        // so waiting for any success banner would read the database before the POST had been handled.
        await page.ClickAsync("button:has-text('Turn off')");
        await page.WaitForSelectorAsync(".banner.success:has-text('The sequence is off')");
        Assert.False((await Sequences.GetAsync(store.Id, sequence.Id, AppSite.Ct))!.Active);

        await page.ClickAsync("button[name=preset][value=gentle]");
        await page.WaitForSelectorAsync(".banner.success:has-text('New carts now use the')");
        Assert.Equal("gentle", (await Site.App.Service<IStoreRepository>().GetAsync(store.Id, AppSite.Ct))!.Sequence);

        await page.ClickAsync("button:has-text('Activate')");
        await page.WaitForSelectorAsync(".banner.success:has-text('The sequence is active')");
        Assert.True((await Sequences.GetAsync(store.Id, sequence.Id, AppSite.Ct))!.Active);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await HeadlessChromium.SaveScreenshotsAsync(page, "sequences-list");
    }

    [Fact]
    public async Task Questionnaire_WhenAnswered_RecommendsAPresetExplainsWhyAndUsesIt()
    {
        var store = await Editors.OwnStoreAsync("Boutique Soleil");
        var page = await SignInAsync(locale: "fr-FR");
        await page.GotoAsync(Site.Url($"app/sequences/questionnaire?store={store.Id}"));
        Assert.Equal("Quelle séquence convient à ma boutique ?", await page.InnerTextAsync("h1"));

        foreach (var field in new[] { "storeSize", "productComplexity", "basketValue", "clientele", "brandPositioning" })
            await page.CheckAsync($"input[name={field}][value='2']");
        await page.ClickAsync("form.questionnaire button[type=submit]");

        var recommendation = page.Locator(".recommendation");
        await Assertions.Expect(recommendation).ToContainTextAsync("Votre score : 10 sur 25.");
        await Assertions.Expect(recommendation).ToContainTextAsync("Douce");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await HeadlessChromium.SaveScreenshotsAsync(page, "sequences-questionnaire-fr");
        await page.ClickAsync(".recommendation button[name=preset]");
        await page.WaitForSelectorAsync(".banner.success");
        Assert.Equal("gentle", (await Site.App.Service<IStoreRepository>().GetAsync(store.Id, AppSite.Ct))!.Sequence);
    }

    [Fact]
    public async Task Questionnaire_WhenAnAnswerIsMissing_AsksForEveryScore()
    {
        var page = await SignInAsync();

        await page.GotoAsync(Site.Url("app/sequences/questionnaire?storeSize=3&clientele=9"));

        await Assertions.Expect(page.Locator(".banner.critical")).ToBeVisibleAsync();
        Assert.Equal(4, await page.Locator("fieldset.factor[aria-invalid=true]").CountAsync());
        Assert.Equal(0, await page.Locator(".recommendation").CountAsync());
    }

    [Fact]
    public async Task Save_WhenTheCallerIsAViewer_IsRefusedAndChangesNothing()
    {
        var (store, sequence) = await ShopWithSequenceAsync();
        await Site.PersonAsync("seq-viewer@example.com", store.AccountId!.Value, AccountRole.Viewer);
        var page = await SignInAsync("seq-viewer@example.com");
        await page.GotoAsync(Site.Url($"app/sequences/{sequence.Id}?store={store.Id}"));
        Assert.Equal(0, await page.Locator("button:has-text('Save as a new version')").CountAsync());

        var response = await EditorSite.PostAsync(page, Site.Url($"app/sequences/{sequence.Id}?store={store.Id}&handler=Save"),
            new Dictionary<string, string> { ["Form.Name"] = "Hijacked", ["Form.Steps[0].Delay"] = "1", ["Form.Steps[0].Unit"] = "hours",
                ["Form.Steps[0].Channel"] = "email", ["Form.Steps[0].Template"] = "reminder" });
        var off = await EditorSite.PostAsync(page, Site.Url($"app/sequences?store={store.Id}&handler=Deactivate"),
            new Dictionary<string, string> { ["sequenceId"] = sequence.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Equal((int)HttpStatusCode.Forbidden, response.Status);
        Assert.Equal((int)HttpStatusCode.Forbidden, off.Status);
        var current = await Sequences.GetAsync(store.Id, sequence.Id, AppSite.Ct);
        Assert.Equal((1, "Summer recovery", true), (current!.Version, current.Definition.Name, current.Active));
    }

    [Fact]
    public async Task Save_WithoutTheAntiforgeryToken_ChangesNothing()
    {
        var (store, sequence) = await ShopWithSequenceAsync();
        var page = await SignInAsync();
        await page.GotoAsync(Site.Url($"app/sequences/{sequence.Id}?store={store.Id}"));

        var response = await EditorSite.PostAsync(page, Site.Url($"app/sequences/{sequence.Id}?store={store.Id}&handler=Save"),
            new Dictionary<string, string> { ["Form.Name"] = "Forged", ["Form.Steps[0].Delay"] = "1", ["Form.Steps[0].Unit"] = "hours",
                ["Form.Steps[0].Channel"] = "email", ["Form.Steps[0].Template"] = "reminder" }, withToken: false);

        Assert.Equal((int)HttpStatusCode.BadRequest, response.Status);
        Assert.Single(await Sequences.ListVersionsAsync(store.Id, sequence.Id, AppSite.Ct));
    }

    [Fact]
    public async Task Editor_WhenTheSequenceIsAnotherAccounts_IsNotFound()
    {
        var other = await Editors.OtherAccountStoreAsync();
        var theirs = await Sequences.CreateAsync(other.Id, SequencePresets.Gentle with { Name = "Not yours" }, Site.App.Time.GetUtcNow(), AppSite.Ct);
        var own = await Editors.OwnStoreAsync();
        var page = await SignInAsync();
        await page.GotoAsync(Site.Url($"app/sequences?store={own.Id}"));

        var post = await EditorSite.PostAsync(page, Site.Url($"app/sequences?store={other.Id}&handler=Deactivate"),
            new Dictionary<string, string> { ["sequenceId"] = theirs.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var viaOwnShop = await page.GotoAsync(Site.Url($"app/sequences/{theirs.Id}?store={own.Id}"));
        var viaTheirShop = await page.GotoAsync(Site.Url($"app/sequences/{theirs.Id}?store={other.Id}"));
        var theirList = await page.GotoAsync(Site.Url($"app/sequences?store={other.Id}"));

        Assert.Equal([404, 404, 404, 404], new[] { viaOwnShop!.Status, viaTheirShop!.Status, theirList!.Status, post.Status });
        Assert.True((await Sequences.GetAsync(other.Id, theirs.Id, AppSite.Ct))!.Active);
    }

    [Fact]
    public async Task Pages_InFrench_AreTranslated()
    {
        var (store, sequence) = await ShopWithSequenceAsync("Épicerie Fine");
        var page = await SignInAsync(locale: "fr-FR");

        await page.GotoAsync(Site.Url($"app/sequences?store={store.Id}"));
        Assert.Equal("Séquences", await page.InnerTextAsync("h1"));
        Assert.Contains("Vos séquences", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await HeadlessChromium.SaveScreenshotsAsync(page, "sequences-list-fr");
        await page.GotoAsync(Site.Url($"app/sequences/{sequence.Id}?store={store.Id}"));
        Assert.Contains("Attendre après l'abandon", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.Contains("Enregistrer une nouvelle version", await page.InnerTextAsync(".page-head"), StringComparison.Ordinal);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await HeadlessChromium.SaveScreenshotsAsync(page, "sequences-editor-fr");
    }
}
