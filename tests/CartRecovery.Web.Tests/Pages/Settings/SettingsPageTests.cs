using System.Globalization;
using CartRecovery.Connectors.WooCommerce.Capture;
using CartRecovery.Core.Accounts;
using CartRecovery.Core.Jobs;
using CartRecovery.Core.Sequences;
using CartRecovery.Core.Stores;
using CartRecovery.Core.Suppression;
using CartRecovery.Core.Webhooks;
using CartRecovery.Jobs.Connectors;
using CartRecovery.Web.Tests.Browser;
using Microsoft.Playwright;

namespace CartRecovery.Web.Tests.Pages.Settings;

/// <summary><c>/app/settings</c> in a real browser: branding, sending policy, suppressions, health, pause/resume.</summary>
public sealed class SettingsPageTests : IAsyncLifetime
{
    private AppSite _site = null!;

    public async ValueTask InitializeAsync() => _site = await AppSite.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_site is not null)
            await _site.DisposeAsync();
    }

    /// <summary>A WooCommerce shop in the demo's account: it runs the capture script, so its health tab shows the snippet.</summary>
    private async Task<Store> WooStoreAsync()
    {
        var demo = await _site.DemoStoreAsync();
        return await _site.App.Service<IStoreRepository>().UpsertAsync(new Store
        {
            Platform = Platforms.WooCommerce, ExternalId = "https://boots.example", Name = "Boots shop", StorefrontUrl = "https://boots.example/",
            Currency = "EUR", TimeZone = "Europe/Paris", SenderEmail = "shop@boots.example", SenderName = "Boots", AccountId = demo.AccountId,
            PublicKey = "pk-settings-test", CreatedAt = _site.App.Time.GetUtcNow(),
        }, AppSite.Ct);
    }

    private async Task<Store> StoreAsync(long id) => (await _site.App.Service<IStoreRepository>().GetAsync(id, AppSite.Ct))!;

    [Fact]
    public async Task Branding_Saved_IsKeptAndShown()
    {
        var store = await _site.DemoStoreAsync();
        var page = await _site.SignInAsync();
        await page.GotoAsync(_site.Url($"app/settings?store={store.Id}"));

        await page.FillAsync("#sender-name", "Alpine Team");
        await page.FillAsync("#brand-color", "#1A73E8");
        await page.FillAsync("#postal-address", "1 Rue du Lac, Annecy");
        await page.ClickAsync("button:has-text('Save branding')");

        await Assertions.Expect(page.Locator(".banner.success")).ToHaveTextAsync("Saved.");
        var saved = await StoreAsync(store.Id);
        Assert.Equal(("Alpine Team", "#1A73E8", "1 Rue du Lac, Annecy"), (saved.SenderName, saved.BrandColor, saved.PostalAddress));
        Assert.Equal("#1A73E8", await page.InputValueAsync("#brand-color"));
        await HeadlessChromium.SaveScreenshotsAsync(page, "settings-branding");
    }

    [Fact]
    public async Task Branding_InvalidColourAndLogo_ShowsTheFieldErrorsAndSavesNothing()
    {
        var store = await _site.DemoStoreAsync();
        var page = await _site.SignInAsync();
        await page.GotoAsync(_site.Url($"app/settings?store={store.Id}"));

        await page.FillAsync("#sender-name", "Changed name");
        await page.FillAsync("#brand-color", "blue");
        await page.FillAsync("#logo-url", "http://10.0.0.1/logo.png");
        await page.ClickAsync("button:has-text('Save branding')");

        await Assertions.Expect(page.Locator("#brand-color-error")).ToContainTextAsync("#1A73E8");
        await Assertions.Expect(page.Locator("#logo-url-error")).ToContainTextAsync("https");
        Assert.Equal("true", await page.GetAttributeAsync("#brand-color", "aria-invalid"));
        Assert.Equal("blue", await page.InputValueAsync("#brand-color"));
        Assert.Equal(store, await StoreAsync(store.Id));
        await HeadlessChromium.SaveScreenshotsAsync(page, "settings-branding-error");
    }

    [Fact]
    public async Task SendingPolicy_QuietHoursSaved_AndABadTimeChangesNothing()
    {
        var store = await _site.DemoStoreAsync();
        var page = await _site.SignInAsync();
        await page.GotoAsync(_site.Url($"app/settings?store={store.Id}&tab=sending"));

        await page.FillAsync("#quiet-start", "25:00");
        await page.FillAsync("#quiet-end", "08:00");
        await page.ClickAsync("button:has-text('Save sending policy')");
        await Assertions.Expect(page.Locator("#quiet-start-error")).ToContainTextAsync("HH:mm");
        Assert.Null((await _site.App.Service<IStorePolicyRepository>().GetAsync(store.Id, AppSite.Ct)).QuietHours);

        await page.FillAsync("#quiet-start", "21:00");
        await page.ClickAsync("button:has-text('Save sending policy')");
        await Assertions.Expect(page.Locator(".banner.success")).ToHaveTextAsync("Saved.");
        var quiet = (await _site.App.Service<IStorePolicyRepository>().GetAsync(store.Id, AppSite.Ct)).QuietHours;
        Assert.Equal(new QuietHours(new TimeOnly(21, 0), new TimeOnly(8, 0)), quiet);
        await HeadlessChromium.SaveScreenshotsAsync(page, "settings-sending");
    }

    [Fact]
    public async Task Suppression_AddedThenRemoved_ChangesTheList()
    {
        var store = await _site.DemoStoreAsync();
        var list = _site.App.Service<ISuppressionList>();
        var page = await _site.SignInAsync();
        await page.GotoAsync(_site.Url($"app/settings?store={store.Id}&tab=suppressions"));

        await page.FillAsync("#suppress-email", "not-an-address");
        await page.ClickAsync("button:has-text('Suppress')");
        await Assertions.Expect(page.Locator("#suppress-email-error")).ToBeVisibleAsync();
        Assert.Empty(await list.ListAsync(store.Id, AppSite.Ct));

        await page.FillAsync("#suppress-email", "bob@example.com");
        await page.FillAsync("#suppress-reason", "asked by phone");
        await page.ClickAsync("button:has-text('Suppress')");
        await Assertions.Expect(page.Locator("td:text-is('bob@example.com')")).ToBeVisibleAsync();
        Assert.Equal("asked by phone", Assert.Single(await list.ListAsync(store.Id, AppSite.Ct)).Reason);
        await HeadlessChromium.SaveScreenshotsAsync(page, "settings-suppressions");

        await page.ClickAsync("tr:has-text('bob@example.com') button:has-text('Remove')");
        await Assertions.Expect(page.Locator(".banner.success")).ToBeVisibleAsync();
        Assert.Empty(await list.ListAsync(store.Id, AppSite.Ct));
    }

    [Fact]
    public async Task PauseAndResume_StopAndRestartSending()
    {
        var store = await _site.DemoStoreAsync();
        var page = await _site.SignInAsync();
        await page.GotoAsync(_site.Url($"app/settings?store={store.Id}&tab=health"));

        await page.ClickAsync("button:has-text('Pause sending')");
        await Assertions.Expect(page.Locator(".banner.success")).ToHaveTextAsync("Sending is paused.");
        Assert.NotNull((await StoreAsync(store.Id)).SendingPausedReason);

        await page.ClickAsync("button:has-text('Resume sending')");
        await Assertions.Expect(page.Locator(".banner.success")).ToHaveTextAsync("Sending resumed.");
        Assert.Null((await StoreAsync(store.Id)).SendingPausedReason);
    }

    [Fact]
    public async Task Health_ShowsTheLastPollAndWebhook_AndTheSnippetOfACaptureShop()
    {
        var woo = await WooStoreAsync();
        var polled = _site.App.Time.GetUtcNow().AddMinutes(-7);
        var webhook = _site.App.Time.GetUtcNow().AddMinutes(-42);
        var key = PollStoreJob.KeyFor(woo.Id);
        await _site.App.Service<IJobRunRepository>().StartAsync(new JobRun
        {
            JobGroup = key.Group, JobName = key.Name, InstanceId = "test", FireInstanceId = "1", StartedAt = polled, Outcome = JobRunOutcome.Succeeded,
        }, AppSite.Ct);
        await _site.App.Service<IWebhookInbox>().AcceptAsync(new WebhookDelivery
        {
            Platform = Platforms.WooCommerce, DeliveryId = "d-1", Topic = "order.updated", StoreId = woo.Id, Body = "{}", ReceivedAt = webhook,
        }, AppSite.Ct);
        var page = await _site.SignInAsync();

        await page.GotoAsync(_site.Url($"app/settings?store={woo.Id}&tab=health"));

        string Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, woo.ResolveTimeZone()).ToString("d MMM yyyy, HH:mm", new CultureInfo("en"));
        await Assertions.Expect(page.Locator("[data-health=poll]")).ToHaveTextAsync(Local(polled));
        await Assertions.Expect(page.Locator("[data-health=webhook]")).ToHaveTextAsync(Local(webhook));
        await Assertions.Expect(page.Locator("[data-health=capture]")).ToHaveTextAsync("Not seen yet");
        Assert.Contains("/capture/pk-settings-test/script.js", await page.InputValueAsync("#capture-snippet"), StringComparison.Ordinal);
        // A shop created today has no rhythm yet: each of its three feeds is still learning.
        await Assertions.Expect(page.Locator("[data-health=feeds] tbody tr")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("[data-feed=webhooks]")).ToHaveAttributeAsync("data-state", "learning");
        await Assertions.Expect(page.Locator("[data-feed=capture] th")).ToHaveTextAsync("Capture script");
        await Assertions.Expect(page.Locator("[data-feed=polling] .badge")).ToHaveTextAsync("Learning");
        await Assertions.Expect(page.Locator("[data-health=latency]")).ToHaveTextAsync("Nothing sent");
        await HeadlessChromium.SaveScreenshotsAsync(page, "settings-health");
    }

    [Theory]
    [InlineData("en-US", "Why are you leaving?", "Ask shoppers what stopped them", "Save", "Saved.")]
    [InlineData("fr-FR", "Pourquoi partez-vous ?", "Demander aux clients ce qui les a retenus", "Enregistrer", "Enregistré.")]
    public async Task ExitQuestion_OffByDefault_IsSwitchedOnAndOffOnTheConnectionTab(string locale, string title, string label, string save, string saved)
    {
        var woo = await WooStoreAsync();
        var exitQuestion = _site.App.Service<WooCommerceExitQuestion>();
        var page = await _site.SignInAsync(locale: locale);
        await page.GotoAsync(_site.Url($"app/settings?store={woo.Id}&tab=health"));
        var form = page.Locator("form.exit-question");
        await Assertions.Expect(form.Locator("h3")).ToHaveTextAsync(title);
        await Assertions.Expect(form.Locator("label:has(#exit-question)")).ToContainTextAsync(label);
        await Assertions.Expect(page.Locator("#exit-question")).Not.ToBeCheckedAsync();

        await page.CheckAsync("#exit-question");
        await form.GetByRole(AriaRole.Button, new() { Name = save, Exact = true }).ClickAsync();

        await Assertions.Expect(page.Locator(".banner.success")).ToHaveTextAsync(saved);
        await Assertions.Expect(page.Locator("#exit-question")).ToBeCheckedAsync();
        Assert.True(await exitQuestion.IsOnAsync(woo.Id, AppSite.Ct));
        await form.ScrollIntoViewIfNeededAsync();
        await HeadlessChromium.SaveScreenshotsAsync(page, $"settings-exit-question-{locale}");

        await page.UncheckAsync("#exit-question");
        await form.GetByRole(AriaRole.Button, new() { Name = save, Exact = true }).ClickAsync();

        await Assertions.Expect(page.Locator("#exit-question")).Not.ToBeCheckedAsync();
        Assert.False(await exitQuestion.IsOnAsync(woo.Id, AppSite.Ct));
    }

    [Fact]
    public async Task ExitQuestion_IsOnlyOfferedToShopsRunningTheCaptureScript()
    {
        var demo = await _site.DemoStoreAsync();
        var page = await _site.SignInAsync();

        await page.GotoAsync(_site.Url($"app/settings?store={demo.Id}&tab=health"));

        Assert.Equal(0, await page.Locator("#exit-question").CountAsync());
    }

    [Fact]
    public async Task Viewer_Post_IsRefusedAndChangesNothing()
    {
        var store = await _site.DemoStoreAsync();
        await _site.PersonAsync("viewer@demo.example", store.AccountId!.Value, AccountRole.Viewer);
        var page = await _site.SignInAsync("viewer@demo.example");
        await page.GotoAsync(_site.Url($"app/settings?store={store.Id}"));

        await page.FillAsync("#sender-name", "Viewer was here");
        await page.EvalOnSelectorAsync("button:has-text('Save branding')", "b => b.disabled = false");
        var response = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("button:has-text('Save branding')"), r => r.Request.Method == "POST");

        Assert.Equal(403, response!.Status);
        Assert.Equal(store, await StoreAsync(store.Id));
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_ChangesNothing()
    {
        var store = await _site.DemoStoreAsync();
        var page = await _site.SignInAsync();
        await page.GotoAsync(_site.Url($"app/settings?store={store.Id}&tab=health"));

        await page.EvalOnSelectorAsync("form:has(button:has-text('Pause sending')) input[name=__af]", "i => i.remove()");
        var response = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("button:has-text('Pause sending')"), r => r.Request.Method == "POST");

        Assert.Equal(400, response!.Status);
        Assert.Null((await StoreAsync(store.Id)).SendingPausedReason);
    }

    [Fact]
    public async Task AnotherAccountsStore_IsNotFound()
    {
        var other = await _site.App.Service<IStoreRepository>().UpsertAsync(new Store
        {
            Platform = Platforms.WooCommerce, ExternalId = "https://other.example", Name = "Other", StorefrontUrl = "https://other.example/",
            Currency = "EUR", SenderEmail = "shop@other.example", SenderName = "Other", CreatedAt = _site.App.Time.GetUtcNow(),
        }, AppSite.Ct);
        var page = await _site.SignInAsync();

        var response = await page.GotoAsync(_site.Url($"app/settings?store={other.Id}&tab=suppressions"));

        Assert.Equal(404, response!.Status);
        Assert.DoesNotContain("Other", await page.InnerTextAsync("body"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Settings_InFrench_AreTranslated_AndShowNoPlanBannerWhenBillingIsOff()
    {
        var store = await _site.DemoStoreAsync();
        var page = await _site.SignInAsync(locale: "fr-FR");

        await page.GotoAsync(_site.Url($"app/settings?store={store.Id}"));

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Réglages");
        await Assertions.Expect(page.Locator("button:has-text('Enregistrer l’identité')")).ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator(".plan-notice").CountAsync());
        await HeadlessChromium.SaveScreenshotsAsync(page, "settings-branding-fr");
    }

    [Theory]
    [InlineData("en-US", "Nothing is being sent", "None of this shop's active sequences matches any of its")]
    [InlineData("fr-FR", "Rien n'est envoyé", "Aucune séquence active de cette boutique ne correspond")]
    public async Task Health_WhenTheShopsSequencesMatchNoRecentCart_SaysNothingIsSent(string locale, string title, string words)
    {
        // The demo's history has carts abandoned in the last 30 days; a sequence for carts above 1,000,000.00 takes none.
        var store = await _site.DemoStoreAsync();
        var page = await _site.SignInAsync(locale: locale);
        await page.GotoAsync(_site.Url($"app/settings?store={store.Id}&tab=health"));
        Assert.Equal(0, await page.Locator("[data-health=reach]").CountAsync());

        await _site.App.Service<ISequenceRepository>().CreateAsync(store.Id, SequencePresets.Standard with
        {
            Name = "Big carts only", Conditions = new SequenceConditions { MinCartValueMinor = 100_000_000 },
        }, _site.App.Time.GetUtcNow(), AppSite.Ct);
        await page.GotoAsync(_site.Url($"app/settings?store={store.Id}&tab=health"));

        var warning = page.Locator("[data-health=reach]");
        await Assertions.Expect(warning).ToContainTextAsync(title);
        await Assertions.Expect(warning).ToContainTextAsync(words);
        Assert.EndsWith($"/app/sequences?store={store.Id}", await warning.Locator("a").GetAttributeAsync("href"), StringComparison.Ordinal);
        await HeadlessChromium.SaveScreenshotsAsync(page, $"settings-health-reach-{locale[..2]}");
    }
}
