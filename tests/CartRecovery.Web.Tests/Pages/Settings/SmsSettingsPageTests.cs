using CartRecovery.Core.Accounts;
using CartRecovery.Core.Sms;
using CartRecovery.Core.Stores;
using CartRecovery.Web.Tests.Browser;
using Microsoft.Playwright;

namespace CartRecovery.Web.Tests.Pages.Settings;

/// <summary>The SMS tab of <c>/app/settings</c> in a real browser: the API's rules, audit and isolation, in English and French.</summary>
public sealed class SmsSettingsPageTests : IAsyncLifetime
{
    private AppSite _site = null!;

    public async ValueTask InitializeAsync() => _site = await AppSite.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_site is not null)
            await _site.DisposeAsync();
    }

    private Task<SmsSettings> SavedAsync(Store store) => _site.App.Service<ISmsSettingsRepository>().GetAsync(store.Id, AppSite.Ct);

    [Fact]
    public async Task Sms_TurnedOnWithASenderAndNarrowerHours_IsSavedAndShowsTheTwilioUrls()
    {
        var store = await _site.DemoStoreAsync();
        var page = await _site.SignInAsync();
        await page.GotoAsync(_site.Url($"app/settings?store={store.Id}&tab=sms"));

        await page.CheckAsync("input[name='Sms.Enabled']");
        await page.CheckAsync("input[value='declared-by-merchant']");
        await page.FillAsync("#sms-opens", "09:00");
        await page.FillAsync("#sms-closes", "19:30");
        await page.FillAsync("#sms-from", "+33757000000");
        await page.FillAsync("#sms-country", "FR");
        await page.ClickAsync("button:has-text('Save SMS settings')");

        await Assertions.Expect(page.Locator(".banner.success")).ToContainTextAsync("Saved.");
        Assert.Equal(new SmsSettings
        {
            Enabled = true, Country = "FR", Consent = SmsConsentRule.DeclaredByMerchant, FromNumber = "+33757000000",
            Window = new SmsSendingWindow(new TimeOnly(9, 0), new TimeOnly(19, 30)),
        }, await SavedAsync(store));
        await Assertions.Expect(page.Locator("#sms-opens")).ToHaveValueAsync("09:00");
        await Assertions.Expect(page.Locator("#sms-inbound")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex($"/sms/twilio/{store.PublicKey}/inbound$"));
        await Assertions.Expect(page.Locator("#sms-status")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("/sms/twilio/status$"));
        Assert.Contains(await _site.App.Service<IAuditLog>().ListAsync(store.AccountId!.Value, 0, 50, AppSite.Ct), e => e.Action == "sms.settings");
        await HeadlessChromium.SaveScreenshotsAsync(page, "settings-sms");
    }

    [Fact]
    public async Task Sms_WindowOutsideTheLegalHoursOrNoSender_ShowsTheFieldErrorsAndSavesNothing()
    {
        var store = await _site.DemoStoreAsync();
        // The demo store texts already (demo preset): whatever it holds must stay as it was.
        var before = await SavedAsync(store);
        var page = await _site.SignInAsync();
        await page.GotoAsync(_site.Url($"app/settings?store={store.Id}&tab=sms"));

        await page.CheckAsync("input[name='Sms.Enabled']");
        await page.FillAsync("#sms-opens", "07:00");
        await page.FillAsync("#sms-parts", "many");
        await page.FillAsync("#sms-from", "");
        await page.ClickAsync("button:has-text('Save SMS settings')");

        await Assertions.Expect(page.Locator("#sms-window-error")).ToContainTextAsync("between 08:00 and 20:00");
        await Assertions.Expect(page.Locator("#sms-opens")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.Locator("#sms-parts-error")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#sms-from-error")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#sms-opens")).ToHaveValueAsync("07:00");
        Assert.Equal(before, await SavedAsync(store));
        await HeadlessChromium.SaveScreenshotsAsync(page, "settings-sms-errors");
    }

    [Fact]
    public async Task Sms_ViewersPost_IsRefusedAndChangesNothing()
    {
        var store = await _site.DemoStoreAsync();
        // The demo store texts already (demo preset): whatever it holds must stay as it was.
        var before = await SavedAsync(store);
        await _site.PersonAsync("sms-viewer@demo.example", store.AccountId!.Value, AccountRole.Viewer);
        var page = await _site.SignInAsync("sms-viewer@demo.example");
        await page.GotoAsync(_site.Url($"app/settings?store={store.Id}&tab=sms"));

        await page.FillAsync("#sms-from", "+33757000000");
        await page.EvalOnSelectorAsync("button:has-text('Save SMS settings')", "b => b.disabled = false");
        var response = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("button:has-text('Save SMS settings')"), r => r.Request.Method == "POST");

        Assert.Equal(403, response!.Status);
        Assert.Equal(before, await SavedAsync(store));
    }

    [Fact]
    public async Task Sms_PostWithoutAntiforgeryToken_ChangesNothing()
    {
        var store = await _site.DemoStoreAsync();
        // The demo store texts already (demo preset): whatever it holds must stay as it was.
        var before = await SavedAsync(store);
        var page = await _site.SignInAsync();
        await page.GotoAsync(_site.Url($"app/settings?store={store.Id}&tab=sms"));

        await page.FillAsync("#sms-from", "+33757000000");
        await page.EvalOnSelectorAsync("form:has(button:has-text('Save SMS settings')) input[name=__af]", "i => i.remove()");
        var response = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("button:has-text('Save SMS settings')"), r => r.Request.Method == "POST");

        Assert.Equal(400, response!.Status);
        Assert.Equal(before, await SavedAsync(store));
    }

    [Fact]
    public async Task Sms_AnotherAccountsStore_IsNotFoundAndItsSettingsStay()
    {
        var other = await _site.App.Service<IStoreRepository>().UpsertAsync(new Store
        {
            Platform = Platforms.WooCommerce, ExternalId = "https://sms-other.example", Name = "Other SMS shop", StorefrontUrl = "https://sms-other.example/",
            Currency = "EUR", SenderEmail = "shop@sms-other.example", SenderName = "Other", CreatedAt = _site.App.Time.GetUtcNow(),
        }, AppSite.Ct);
        var page = await _site.SignInAsync();

        var response = await page.GotoAsync(_site.Url($"app/settings?store={other.Id}&tab=sms"));

        Assert.Equal(404, response!.Status);
        Assert.DoesNotContain("Other SMS shop", await page.InnerTextAsync("body"), StringComparison.Ordinal);
        Assert.DoesNotContain(other.PublicKey!, await page.ContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sms_InFrench_IsTranslated()
    {
        var store = await _site.DemoStoreAsync();
        var page = await _site.SignInAsync(locale: "fr-FR");

        await page.GotoAsync(_site.Url($"app/settings?store={store.Id}&tab=sms"));

        await Assertions.Expect(page.Locator("h2").First).ToHaveTextAsync("Textos (SMS)");
        await Assertions.Expect(page.Locator("button:has-text('Enregistrer les réglages SMS')")).ToBeVisibleAsync();
        await page.FillAsync("#sms-closes", "21:00");
        await page.ClickAsync("button:has-text('Enregistrer les réglages SMS')");
        await Assertions.Expect(page.Locator("#sms-window-error")).ToContainTextAsync("entre 08:00 et 20:00");
        await HeadlessChromium.SaveScreenshotsAsync(page, "settings-sms-fr");
    }
}
