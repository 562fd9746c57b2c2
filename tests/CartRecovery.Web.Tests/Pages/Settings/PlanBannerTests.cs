using CartRecovery.Web.Tests.Browser;
using Microsoft.Playwright;

namespace CartRecovery.Web.Tests.Pages.Settings;

/// <summary>With billing on, every page of a shop that is over its plan says so and where to look.</summary>
public sealed class PlanBannerTests : IAsyncLifetime
{
    private AppSite _site = null!;

    public async ValueTask InitializeAsync() => _site = await AppSite.StartAsync(AppSite.OverItsPlan);

    public async ValueTask DisposeAsync()
    {
        if (_site is not null)
            await _site.DisposeAsync();
    }

    [Fact]
    public async Task OverItsPlan_EveryPageShowsTheBannerAndThePlanTabTheUsage()
    {
        var store = await _site.DemoStoreAsync();
        var page = await _site.SignInAsync();

        await Assertions.Expect(page.Locator(".plan-notice")).ToContainTextAsync("used up");
        await page.GotoAsync(_site.Url($"app/settings?store={store.Id}"));
        await Assertions.Expect(page.Locator(".plan-notice")).ToContainTextAsync("Empty plan");
        await page.ClickAsync(".plan-notice a:has-text('See the plan and usage')");

        // The demo's seeded history counts against the plan of no emails: some number over an allowance of 0.
        await Assertions.Expect(page.Locator("[data-plan=usage]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+ / 0$"));
        await HeadlessChromium.SaveScreenshotsAsync(page, "settings-plan-over");
    }
}
