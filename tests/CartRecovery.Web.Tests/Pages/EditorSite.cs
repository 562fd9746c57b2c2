using CartRecovery.Core.Stores;
using CartRecovery.Testing;
using Microsoft.Playwright;

namespace CartRecovery.Web.Tests.Pages;

/// <summary>
/// One running site shared by the tests of an editor page (sequences, templates): each test makes its own shops, in
/// the demo owner's account or in a new one, so the demo history seeded at start-up never blurs an assertion.
/// </summary>
public sealed class EditorSite : IAsyncLifetime
{
    private int _stores;

    internal AppSite Site { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Site = await AppSite.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (Site is not null)
            await Site.DisposeAsync();
    }

    /// <summary>A new shop in the demo owner's account.</summary>
    internal async Task<Store> OwnStoreAsync(string name = "Atelier Lumen")
    {
        var demo = await Site.DemoStoreAsync();
        return await NewStoreAsync(name, demo.AccountId);
    }

    /// <summary>A new shop in a new account of its own (another tenant).</summary>
    internal Task<Store> OtherAccountStoreAsync() => NewStoreAsync("Other Tenant Shop", null);

    private Task<Store> NewStoreAsync(string name, long? accountId) =>
        Site.App.Service<IStoreRepository>().UpsertAsync(TestData.Store(0, name) with
        {
            Platform = Platforms.WooCommerce,
            ExternalId = $"https://editor-{Interlocked.Increment(ref _stores)}-{Guid.NewGuid():N}.example.com",
            AccountId = accountId,
            CreatedAt = Site.App.Time.GetUtcNow(),
        }, AppSite.Ct);

    /// <summary>
    /// Waits until the email framed at <paramref name="frameSelector"/> contains <paramref name="expected"/> and returns
    /// its HTML. The preview frames are sandboxed without scripts, so the test reads what they load, with the
    /// browser's cookies, instead of looking inside them; the live preview swaps frames as the merchant types.
    /// </summary>
    internal static async Task<string> FramedEmailAsync(IPage page, string frameSelector, string expected)
    {
        var last = "";
        for (var deadline = DateTime.UtcNow.AddSeconds(20); DateTime.UtcNow < deadline; await Task.Delay(200))
        {
            if (await page.Locator(frameSelector).CountAsync() == 0 || await page.GetAttributeAsync(frameSelector, "src") is not { } src)
                continue;
            var response = await page.Context.APIRequest.GetAsync(new Uri(new Uri(page.Url), src).AbsoluteUri);
            last = await response.TextAsync();
            if (response.Ok && last.Contains(expected, StringComparison.Ordinal))
                return last;
        }
        Assert.Fail($"The framed email never contained '{expected}'; last: {last[..Math.Min(last.Length, 300)]}");
        return last;
    }

    /// <summary>Posts a form from inside the signed-in browser (its cookies), with or without the page's antiforgery token.</summary>
    internal static async Task<IAPIResponse> PostAsync(IPage page, string url, IDictionary<string, string> fields, bool withToken = true)
    {
        var form = page.Context.APIRequest.CreateFormData();
        if (withToken)
            form.Set("__af", await page.InputValueAsync("input[name=__af] >> nth=0"));
        foreach (var (key, value) in fields)
            form.Set(key, value);
        return await page.Context.APIRequest.PostAsync(url, new APIRequestContextOptions { Form = form, MaxRedirects = 0 });
    }
}
