using CartRecovery.Web.Tests.Browser;

namespace CartRecovery.Web.Tests.Pages.Carts;

/// <summary>Product thumbnails on the cart page: the demo shop's PNGs show, an image that is gone gives way to the placeholder.</summary>
public sealed class CartThumbnailTests : IAsyncLifetime
{
    private AppSite _site = null!;

    public async ValueTask InitializeAsync() => _site = await AppSite.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_site is not null)
            await _site.DisposeAsync();
    }

    [Fact]
    public async Task CartPage_WhenAProductImageIsGone_ShowsThePlaceholderInsteadOfABrokenImage()
    {
        var shop = await OwnShop.CreateAsync(_site, "thumbs");
        // The jacket's link is an older demo cart's .svg address (now a PNG); the demo shop never sold a mug.
        var cart = await shop.AbandonedAndEmailedAsync("chk-thumbs", "ivy@example.com",
            shop.Line("Ridgeline Down Jacket", 1, 18_900, "ALP-JKT-M"), shop.Line("Mug", 1, 1_000, "ALP-MUG"));
        var page = await _site.SignInAsync(shop.Owner);

        await page.GotoAsync(_site.Url($"app/carts/{cart.Id}"));

        await page.WaitForFunctionAsync("() => document.querySelectorAll('table.cart-lines .thumb.placeholder').length === 1");
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('table.cart-lines img.thumb')].every(i => i.complete && i.naturalWidth > 0)");
        Assert.Equal(1, await page.Locator("table.cart-lines img.thumb").CountAsync());
        await HeadlessChromium.SaveScreenshotsAsync(page, "carts-cart-missing-image");
    }
}
