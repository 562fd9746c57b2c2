using CartRecovery.Core.Accounts;
using CartRecovery.Web.Tests.Browser;

namespace CartRecovery.Web.Tests.Pages.Team;

/// <summary>The owners' API keys page: the token once on the answer, then only the prefix; bad input; revoke.</summary>
public sealed class KeysPageTests : IAsyncLifetime
{
    private AppSite _site = null!;

    public async ValueTask InitializeAsync() => _site = await AppSite.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_site is not null)
            await _site.DisposeAsync();
    }

    [Fact]
    public async Task Create_ShowsTheTokenOnceThenOnlyThePrefix_AndTheTokenWorks()
    {
        var page = await _site.SignInAsync();
        await page.ClickAsync("nav a:text-is('API keys')");

        await page.FillAsync("#key-name", "Reporting script");
        await page.SelectOptionAsync("#key-role", "viewer");
        await page.ClickAsync("button:has-text('Create the key')");

        var token = await page.InputValueAsync("#new-key-token");
        var key = Assert.Single(await _site.App.Service<IApiKeyRepository>().ListAsync((await _site.DemoStoreAsync()).AccountId!.Value, AppSite.Ct));
        Assert.Contains(key.Prefix + "_", token, StringComparison.Ordinal);
        Assert.Equal((AccountRole.Viewer, "Reporting script"), (key.Role, key.Name));
        await HeadlessChromium.SaveScreenshotsAsync(page, "keys-created");
        using var api = _site.Http();
        api.DefaultRequestHeaders.Authorization = new("Bearer", token);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await api.GetAsync("/api/stores", AppSite.Ct)).StatusCode);

        await page.GotoAsync(_site.Url("app/keys"));
        var html = await page.ContentAsync();
        Assert.DoesNotContain(token, html, StringComparison.Ordinal);
        Assert.Contains(key.Prefix, await page.InnerTextAsync("table.keys"), StringComparison.Ordinal);
        await HeadlessChromium.SaveScreenshotsAsync(page, "keys");

        await page.ClickAsync($"tr[data-key='{key.Id}'] button:has-text('Revoke')");
        await page.WaitForSelectorAsync(".banner.success");
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await api.GetAsync("/api/stores", AppSite.Ct)).StatusCode);
    }

    [Fact]
    public async Task Create_WithoutAName_ShowsTheFieldErrorAndCreatesNothing()
    {
        var page = await _site.SignInAsync(locale: "fr-FR");
        await page.GotoAsync(_site.Url("app/keys"));

        await page.ClickAsync("button:has-text('Créer la clé')");

        Assert.Equal("true", await page.GetAttributeAsync("#key-name", "aria-invalid"));
        Assert.Contains("Donnez à la clé un nom", await page.InnerTextAsync("#key-name-error"), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("#new-key-token").CountAsync());
        Assert.Empty(await _site.App.Service<IApiKeyRepository>().ListAsync((await _site.DemoStoreAsync()).AccountId!.Value, AppSite.Ct));
        await HeadlessChromium.SaveScreenshotsAsync(page, "keys-error-fr");
    }
}
