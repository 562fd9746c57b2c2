using System.Net;
using CartRecovery.Core.Accounts;
using CartRecovery.Core.Email;
using CartRecovery.Core.Sms;
using CartRecovery.Core.Stores;
using CartRecovery.Web.Tests.Browser;
using Microsoft.Playwright;

namespace CartRecovery.Web.Tests.Pages.Templates;

/// <summary>The templates list and the Liquid editor: errors at line and column before saving, preview, revert.</summary>
public sealed class TemplatePagesTests(EditorSite editors) : EditorPageTests(editors), IClassFixture<EditorSite>
{
    private const string Original = "<p>Original words of {{ store.name }}</p>";

    private ITemplateRepository Templates => Site.App.Service<ITemplateRepository>();

    private async Task<Store> ShopWithOwnReminderAsync(string name = "Atelier Lumen")
    {
        var store = await Editors.OwnStoreAsync(name);
        await Templates.SaveAsync(new StoreTemplate(store.Id, "reminder", "en", "html", Original, Site.App.Time.GetUtcNow()), AppSite.Ct);
        return store;
    }

    private async Task<string?> StoredAsync(Store store, string part = "html") =>
        (await Templates.ListAsync(store.Id, AppSite.Ct)).SingleOrDefault(t => t.Name == "reminder" && t.Locale == "en" && t.Part == part)?.Source;

    [Fact]
    public async Task Save_WhenTheLiquidHasAnError_ShowsLineAndColumnAndKeepsTheStoredTemplate_ThenAGoodOneSaves()
    {
        var store = await ShopWithOwnReminderAsync();
        var page = await SignInAsync();
        await page.GotoAsync(Site.Url($"app/templates/reminder/en?store={store.Id}&part=html"));
        Assert.Equal(Original, await page.InputValueAsync("#source"));

        // Checked as it is typed, before any save.
        await page.FillAsync("#source", "<p>Hello</p>\n<p>{{ customer.first_name </p>");
        var error = page.Locator("#preview .error-position");
        await Assertions.Expect(error).ToContainTextAsync("Line 2, column");
        await page.ClickAsync("button:has-text('Save')");
        await Assertions.Expect(error).ToContainTextAsync("Line 2, column");
        Assert.Equal("true", await page.GetAttributeAsync("#source", "aria-invalid"));
        Assert.Equal(Original, await StoredAsync(store));
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await HeadlessChromium.SaveScreenshotsAsync(page, "templates-editor-error");

        // The browser itself loads the framed email (the page's policy lets it frame our preview, which may be framed by us).
        var framed = page.WaitForResponseAsync(r => r.Url.Contains("/app/preview/", StringComparison.Ordinal));
        await page.FillAsync("#source", "<p>Hello again, {{ customer.first_name }}, from the test</p>");
        var loaded = await framed;
        Assert.Equal(200, loaded.Status);
        Assert.Contains("sandbox", await loaded.HeaderValueAsync("content-security-policy"), StringComparison.Ordinal);
        await EditorSite.FramedEmailAsync(page, "#preview .preview-desktop iframe", "Hello again, Alex, from the test");
        await page.ClickAsync("button:has-text('Save')");

        await page.WaitForSelectorAsync(".banner.success");
        Assert.Equal("<p>Hello again, {{ customer.first_name }}, from the test</p>", await StoredAsync(store));
        await EditorSite.FramedEmailAsync(page, "#preview .preview-phone iframe", "Hello again, Alex, from the test");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await HeadlessChromium.SaveScreenshotsAsync(page, "templates-editor");
    }

    [Fact]
    public async Task TextEditor_MeasuresTheDraft_RefusesOneLongerThanTheShopsParts_ThenSavesOneThatFits()
    {
        var store = await Editors.OwnStoreAsync("Atelier Lumen");
        await Site.App.Service<ISmsSettingsRepository>().SaveAsync(store.Id, new SmsSettings { MaxParts = 1 }, Site.App.Time.GetUtcNow(), AppSite.Ct);
        var page = await SignInAsync();
        await page.GotoAsync(Site.Url($"app/templates?store={store.Id}"));
        await page.ClickAsync("#sms-templates a[href*='sms-reminder/en']");
        Assert.Contains("{{ short_url }}", await page.InputValueAsync("#source"), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("nav.tabs").CountAsync());

        var tooLong = "{{ customer.first_name }}, " + string.Concat(Enumerable.Repeat("your basket is still waiting for you, ", 4)) + "{{ short_url }}";
        await page.FillAsync("#source", tooLong);
        await Assertions.Expect(page.Locator("#preview .banner.critical")).ToContainTextAsync("It needs 2 parts; this shop sends at most 1.");
        await page.ClickAsync("button:has-text('Save')");
        await Assertions.Expect(page.Locator("#preview .banner.critical")).ToContainTextAsync("Not saved: this text is too long.");
        Assert.Empty(await Templates.ListAsync(store.Id, AppSite.Ct));

        await page.FillAsync("#source", "{{ customer.first_name }}, your basket is waiting: {{ short_url }}");
        await Assertions.Expect(page.Locator("#preview [data-sms=limit]")).ToBeVisibleAsync();
        Assert.StartsWith("Atelier Lumen: Alex, your basket is waiting: http", await page.InnerTextAsync("#preview [data-sms=text]"), StringComparison.Ordinal);
        Assert.Equal("1", await page.InnerTextAsync("#preview [data-sms=parts]"));
        await page.ClickAsync("button:has-text('Save')");

        await page.WaitForSelectorAsync(".banner.success");
        var saved = Assert.Single(await Templates.ListAsync(store.Id, AppSite.Ct));
        Assert.Equal(("sms-reminder", "en", "text"), (saved.Name, saved.Locale, saved.Part));
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await HeadlessChromium.SaveScreenshotsAsync(page, "templates-sms-editor");
        await page.GotoAsync(Site.Url($"app/templates?store={store.Id}"));
        Assert.Equal(1, await page.Locator("#sms-templates .badge.info").CountAsync());
    }

    [Fact]
    public async Task Preview_WithoutScript_ChecksWithTheButtonAndSavesNothing()
    {
        var store = await ShopWithOwnReminderAsync();
        var context = await Site.Chromium.Browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        Track(context);
        var page = await context.NewPageAsync();
        var link = await Site.App.Service<CartRecovery.Web.Features.SignIn.SignInLinks>().IssueAsync(AppSite.DemoOwner, "test", null, AppSite.Ct);
        await page.GotoAsync(link.AbsoluteUri);
        await page.ClickAsync("main button[type=submit]");
        await page.GotoAsync(Site.Url($"app/templates/reminder/en?store={store.Id}&part=html"));

        await page.FillAsync("#source", "{% if cart %}unclosed");
        await page.ClickAsync("button.secondary:has-text('Check and preview')");

        Assert.Contains("Line 1, column", await page.InnerTextAsync("#preview .error-position"), StringComparison.Ordinal);
        Assert.Equal(Original, await StoredAsync(store));
    }

    [Fact]
    public async Task Revert_WhenConfirmed_SendsTheBuiltInAgain()
    {
        var store = await ShopWithOwnReminderAsync();
        var page = await SignInAsync();
        await page.GotoAsync(Site.Url($"app/templates?store={store.Id}"));
        Assert.Equal(1, await page.Locator("td .badge.info").CountAsync());
        await page.ClickAsync("a[href*='reminder/en'][href*='part=html']");

        await page.ClickAsync("a:has-text('Revert to built-in')");
        await Assertions.Expect(page.Locator("[role=alertdialog]")).ToBeVisibleAsync();
        Assert.Equal(Original, await StoredAsync(store));
        await page.ClickAsync("button:has-text('Yes, revert to built-in')");

        await page.WaitForSelectorAsync(".banner.success");
        Assert.Null(await StoredAsync(store));
        Assert.Contains("{{", await page.InputValueAsync("#source"), StringComparison.Ordinal);
        Assert.NotEqual(Original, await page.InputValueAsync("#source"));
    }

    [Fact]
    public async Task Save_WhenTheCallerIsAViewer_IsRefusedAndChangesNothing()
    {
        var store = await ShopWithOwnReminderAsync();
        await Site.PersonAsync("tpl-viewer@example.com", store.AccountId!.Value, AccountRole.Viewer);
        var page = await SignInAsync("tpl-viewer@example.com");
        await page.GotoAsync(Site.Url($"app/templates/reminder/en?store={store.Id}&part=html"));
        Assert.Equal(0, await page.Locator("button:text-is('Save')").CountAsync());

        var save = await EditorSite.PostAsync(page, Site.Url($"app/templates/reminder/en?store={store.Id}&part=html&handler=Save"),
            new Dictionary<string, string> { ["Source"] = "<p>Viewer was here</p>" });
        var revert = await EditorSite.PostAsync(page, Site.Url($"app/templates/reminder/en?store={store.Id}&part=html&handler=Revert"),
            new Dictionary<string, string>());

        Assert.Equal((int)HttpStatusCode.Forbidden, save.Status);
        Assert.Equal((int)HttpStatusCode.Forbidden, revert.Status);
        Assert.Equal(Original, await StoredAsync(store));
    }

    [Fact]
    public async Task Save_WithoutTheAntiforgeryToken_ChangesNothing()
    {
        var store = await ShopWithOwnReminderAsync();
        var page = await SignInAsync();
        await page.GotoAsync(Site.Url($"app/templates/reminder/en?store={store.Id}&part=html"));

        var response = await EditorSite.PostAsync(page, Site.Url($"app/templates/reminder/en?store={store.Id}&part=html&handler=Save"),
            new Dictionary<string, string> { ["Source"] = "<p>Forged</p>" }, withToken: false);

        Assert.Equal((int)HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(Original, await StoredAsync(store));
    }

    [Fact]
    public async Task Editor_WhenTheShopIsAnotherAccounts_IsNotFound()
    {
        var other = await Editors.OtherAccountStoreAsync();
        await Templates.SaveAsync(new StoreTemplate(other.Id, "reminder", "en", "html", "<p>Secret words</p>", Site.App.Time.GetUtcNow()), AppSite.Ct);
        var own = await Editors.OwnStoreAsync();
        var page = await SignInAsync();
        await page.GotoAsync(Site.Url($"app/templates?store={own.Id}"));

        var save = await EditorSite.PostAsync(page, Site.Url($"app/templates/reminder/en?store={other.Id}&part=html&handler=Revert"),
            new Dictionary<string, string>());
        var editor = await page.GotoAsync(Site.Url($"app/templates/reminder/en?store={other.Id}&part=html"));
        var list = await page.GotoAsync(Site.Url($"app/templates?store={other.Id}"));

        Assert.Equal([404, 404, 404], new[] { editor!.Status, list!.Status, save.Status });
        Assert.Single(await Templates.ListAsync(other.Id, AppSite.Ct));
    }

    [Fact]
    public async Task Pages_InFrench_AreTranslated()
    {
        var store = await ShopWithOwnReminderAsync("Épicerie Fine");
        var page = await SignInAsync(locale: "fr-FR");

        await page.GotoAsync(Site.Url($"app/templates?store={store.Id}"));
        Assert.Equal("Modèles d'e-mails", await page.InnerTextAsync("h1"));
        Assert.Contains("Personnalisé", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await HeadlessChromium.SaveScreenshotsAsync(page, "templates-list-fr");
        await page.GotoAsync(Site.Url($"app/templates/offer/fr?store={store.Id}&part=subject"));
        Assert.Contains("Vérifier et prévisualiser", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await HeadlessChromium.SaveScreenshotsAsync(page, "templates-editor-fr");
        await page.GotoAsync(Site.Url($"app/templates/sms-reminder/fr?store={store.Id}"));
        Assert.Equal("Rappel par SMS (FR)", await page.InnerTextAsync("h1"));
        Assert.Contains("Source Liquid : SMS", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.Contains("Tient dans la limite de 2 partie(s)", await page.InnerTextAsync("#preview"), StringComparison.Ordinal);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await HeadlessChromium.SaveScreenshotsAsync(page, "templates-sms-editor-fr");
    }
}
