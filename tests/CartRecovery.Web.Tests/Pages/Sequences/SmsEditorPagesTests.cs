using CartRecovery.Core.Sequences;
using CartRecovery.Web.Tests.Browser;
using Microsoft.Playwright;

namespace CartRecovery.Web.Tests.Pages.Sequences;

/// <summary>The SMS channel in the sequence editor (preview with parts, encoding and cost) and on the templates page.</summary>
public sealed class SmsEditorPagesTests(EditorSite editors) : EditorPageTests(editors), IClassFixture<EditorSite>
{
    private ISequenceRepository Sequences => Site.App.Service<ISequenceRepository>();

    [Fact]
    public async Task Editor_ATextStep_IsPreviewedWithItsPartsEncodingAndCostAndSaved()
    {
        var store = await Editors.OwnStoreAsync("Maison Texto");
        var sequence = await Sequences.CreateAsync(store.Id, SequencePresets.Standard with { Name = "With a text" }, Site.App.Time.GetUtcNow(), AppSite.Ct);
        var page = await SignInAsync();
        await page.GotoAsync(Site.Url($"app/sequences/{sequence.Id}?store={store.Id}"));

        await page.SelectOptionAsync("#channel-1", "sms");
        await page.ClickAsync("#preview-card button:has-text('Preview')");
        await Assertions.Expect(page.Locator("#template-1")).ToHaveValueAsync(SequencePresets.SmsReminderTemplate);
        await page.SelectOptionAsync("#preview-step", "1");
        await page.ClickAsync("#preview-card button:has-text('Preview')");

        await Assertions.Expect(page.Locator("#preview [data-sms=text]")).ToContainTextAsync("Maison Texto");
        await Assertions.Expect(page.Locator("#preview [data-sms=text]")).ToContainTextAsync("STOP");
        await Assertions.Expect(page.Locator("#preview [data-sms=parts]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^[12]$"));
        await Assertions.Expect(page.Locator("#preview [data-sms=encoding]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^(GSM-7|UCS-2)$"));
        await Assertions.Expect(page.Locator("#preview [data-sms=cost]")).ToContainTextAsync("EUR");
        await HeadlessChromium.SaveScreenshotsAsync(page, "sequences-editor-sms");

        await page.ClickAsync(".page-head button:has-text('Save as a new version')");

        await page.WaitForSelectorAsync(".banner.success");
        var saved = (await Sequences.ListVersionsAsync(store.Id, sequence.Id, AppSite.Ct))[^1].Definition;
        Assert.Equal(StepKind.Sms, saved.Steps[1].Kind);
        Assert.Equal(SequencePresets.SmsReminderTemplate, saved.Steps[1].Template);
    }

    [Fact]
    public async Task Templates_ListTheTextTemplatesInBothLanguagesWithTheirParts()
    {
        var store = await Editors.OwnStoreAsync("Maison Texto");
        var page = await SignInAsync(locale: "fr-FR");

        await page.GotoAsync(Site.Url($"app/templates?store={store.Id}"));

        var texts = page.Locator("#sms-templates");
        await Assertions.Expect(texts.Locator("h2")).ToHaveTextAsync("Textos (SMS)");
        await Assertions.Expect(texts.Locator(".sms-bubble")).ToHaveCountAsync(2);
        await Assertions.Expect(texts.Locator("[data-sms-parts=fr]")).ToContainTextAsync("·");
        await Assertions.Expect(texts.Locator(".sms-bubble").Nth(1)).ToContainTextAsync("STOP");
        await HeadlessChromium.SaveScreenshotsAsync(page, "templates-sms-fr");
    }
}
