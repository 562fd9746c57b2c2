using CartRecovery.Core.Accounts;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Messages;
using CartRecovery.Web.Tests.Browser;

namespace CartRecovery.Web.Tests.Pages.Carts;

/// <summary>The carts list and the cart page, driven in Chromium on a shop of its own account.</summary>
public sealed class CartsPageTests : IAsyncLifetime
{
    private AppSite _site = null!;

    public async ValueTask InitializeAsync() => _site = await AppSite.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_site is not null)
            await _site.DisposeAsync();
    }

    private ICartRepository Carts => _site.App.Service<ICartRepository>();

    [Fact]
    public async Task CartPage_AfterAbandonmentAndSending_ShowsLinesMessagesAndTimeline()
    {
        var shop = await OwnShop.CreateAsync(_site, "nordic");
        var cart = await shop.AbandonedAndEmailedAsync("chk-walk", "lea@example.com",
            shop.Line("Ridgeline Down Jacket", 1, 18_900, "ALP-JKT-M"), shop.Line("Wool Beanie", 2, 2_500, "ALP-BNE-01"));
        var sent = (await _site.App.Service<IMessageRepository>().ListForCartAsync(cart.Id, AppSite.Ct))[0];
        await _site.App.Service<IMessageRepository>().RecordOpenAsync(sent.Id, _site.App.Time.GetUtcNow(), AppSite.Ct);
        var page = await _site.SignInAsync(shop.Owner);

        await page.GotoAsync(_site.Url($"app/carts/{cart.Id}"));

        Assert.Equal("Cart chk-walk", await page.InnerTextAsync("h1"));
        var lines = await page.InnerTextAsync("table.cart-lines");
        Assert.Contains("Ridgeline Down Jacket", lines, StringComparison.Ordinal);
        Assert.Contains("€50.00", lines, StringComparison.Ordinal);
        Assert.Contains("€239.00", await page.InnerTextAsync("dl.totals"), StringComparison.Ordinal);
        Assert.Equal(2, await page.Locator("table.cart-lines img.thumb").CountAsync());
        var messages = await page.InnerTextAsync("table.cart-messages");
        Assert.Contains("Sent", messages, StringComparison.Ordinal);
        Assert.Contains("Scheduled", messages, StringComparison.Ordinal);
        Assert.Contains("Follow-up task", messages, StringComparison.Ordinal);
        var timeline = await page.InnerTextAsync("ol.timeline");
        foreach (var entry in new[] { "Captured", "Cart captured: 2 line(s), €239.00", "Abandoned", "Message sent", "Step 1 email sent", "Email opened" })
            Assert.Contains(entry, timeline, StringComparison.Ordinal);
        // Newest first, events of one instant included (the fake clock puts several on the same instant).
        var order = new[] { "Email opened", "Message sent", "Abandoned", "Captured" }.Select(e => timeline.IndexOf(e, StringComparison.Ordinal)).ToList();
        Assert.Equal(order.Order(), order);
        // Dates on the shop's clock (Paris, UTC+1 in winter): the test clock starts at a known instant.
        var abandonedAt = TimeZoneInfo.ConvertTime(cart.AbandonedAt!.Value, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris"));
        Assert.Contains(abandonedAt.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), await page.InnerTextAsync(".cart-meta"), StringComparison.Ordinal);
        Assert.Contains("lea@example.com", await page.InnerTextAsync("dl.facts"), StringComparison.Ordinal);
        Assert.Equal("mailto:lea@example.com", await page.GetAttributeAsync("dl.facts a[href^=mailto]", "href"));
        Assert.False(await page.IsVisibleAsync("text=Resend"));
        await HeadlessChromium.SaveScreenshotsAsync(page, "carts-cart");
    }

    [Fact]
    public async Task CartsList_FiltersInTheQueryAndPagesKeepingTheFilters()
    {
        var shop = await OwnShop.CreateAsync(_site, "paging");
        for (var i = 1; i <= 28; i++)
            await shop.Drive.ReportCartAsync(shop.Store, $"chk-{i:00}", $"buyer{i:00}@example.com", null, shop.Line("Mug", i, 1_000, "ALP-MUG"));
        shop.Drive.Advance(TimeSpan.FromMinutes(16));
        await shop.Drive.DetectAsync();
        await shop.Drive.ReportCartAsync(shop.Store, "chk-fresh", "fresh@example.com", null, shop.Line("Mug", 1, 1_000, "ALP-MUG"));
        var page = await _site.SignInAsync(shop.Owner);

        await page.GotoAsync(_site.Url("app/carts"));
        Assert.Equal(25, await page.Locator("table.carts-table tbody tr").CountAsync());
        Assert.Contains("fresh@example.com", await page.InnerTextAsync("table.carts-table tbody tr:first-child"), StringComparison.Ordinal);
        await HeadlessChromium.SaveScreenshotsAsync(page, "carts-list");

        await page.SelectOptionAsync("#status", "Abandoned");
        await page.FillAsync("#min", "20");
        await page.FillAsync("#email", "BUYER");
        await page.ClickAsync("form.carts-filters button[type=submit]");
        await page.WaitForURLAsync(u => u.Contains("status=Abandoned", StringComparison.Ordinal));
        // 28 abandoned carts of 1..28 mugs at 10 EUR: the value filter keeps 2..28 (27 carts), 25 on the first page.
        Assert.Equal(25, await page.Locator("table.carts-table tbody tr").CountAsync());
        await page.ClickAsync("a[rel=next]");
        await page.WaitForURLAsync(u => u.Contains("p=2", StringComparison.Ordinal));
        Assert.Contains("min=20", page.Url, StringComparison.Ordinal);
        var second = await page.Locator("table.carts-table tbody td.customer a").AllInnerTextsAsync();
        Assert.Equal(["buyer03@example.com", "buyer02@example.com"], second);

        await page.GotoAsync(_site.Url("app/carts?email=nobody"));
        Assert.Contains("No carts match these filters", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        await page.ClickAsync(".empty a:text-is('Clear filters')");
        Assert.Equal(25, await page.Locator("table.carts-table tbody tr").CountAsync());

        await page.GotoAsync(_site.Url("app/carts?from=31/01/2026"));
        Assert.Equal("true", await page.GetAttributeAsync("#from", "aria-invalid"));
        Assert.Contains("Enter a date such as 2026-01-31.", await page.InnerTextAsync("#from-error"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StopTheSequence_FromTheCartPage_NoFurtherSendWhenTheDispatcherRuns()
    {
        var shop = await OwnShop.CreateAsync(_site, "stopping");
        var cart = await shop.AbandonedAndEmailedAsync("chk-stop", "noah@example.com", shop.Line("Mug", 1, 1_000, "ALP-MUG"));
        var page = await _site.SignInAsync(shop.Owner);
        await page.GotoAsync(_site.Url($"app/carts/{cart.Id}"));

        await page.ClickAsync("button:text-is('Stop the sequence')");

        await page.WaitForSelectorAsync(".banner.success");
        Assert.Equal(CartStatus.Expired, (await Carts.GetAsync(cart.Id, AppSite.Ct))!.Status);
        shop.Drive.Advance(TimeSpan.FromDays(3));
        await shop.Drive.DispatchAsync();
        var messages = await _site.App.Service<IMessageRepository>().ListForCartAsync(cart.Id, AppSite.Ct);
        Assert.Equal([MessageStatus.Sent, MessageStatus.Cancelled, MessageStatus.Cancelled], messages.Select(m => m.Status));
        Assert.Contains("Sequence stopped", await page.InnerTextAsync("ol.timeline"), StringComparison.Ordinal);
        Assert.False(await page.IsVisibleAsync("button:text-is('Stop the sequence')"));
    }

    [Fact]
    public async Task Erase_AsksForConfirmationThenErasesTheCustomer()
    {
        var shop = await OwnShop.CreateAsync(_site, "erasing");
        var cart = await shop.AbandonedAndEmailedAsync("chk-erase", "mia@example.com", shop.Line("Mug", 1, 1_000, "ALP-MUG"));
        var page = await _site.SignInAsync(shop.Owner);
        await page.GotoAsync(_site.Url($"app/carts/{cart.Id}"));

        await page.ClickAsync("a:text-is('Erase customer data…')");
        await page.ClickAsync("button:text-is('Erase customer data')");

        Assert.Contains("Tick the box", await page.InnerTextAsync("#confirm-error"), StringComparison.Ordinal);
        Assert.NotNull(await Carts.GetAsync(cart.Id, AppSite.Ct));
        await page.CheckAsync("input[name=Confirm]");
        await page.ClickAsync("button:text-is('Erase customer data')");
        await page.WaitForURLAsync(u => u.Contains("erased=1", StringComparison.Ordinal));
        Assert.Contains("erased", await page.InnerTextAsync(".banner.success"), StringComparison.Ordinal);
        Assert.Null(await Carts.GetAsync(cart.Id, AppSite.Ct));
        Assert.Null(await Carts.FindAsync(shop.Store.Id, "chk-erase", AppSite.Ct));
        Assert.DoesNotContain("mia@example.com", await page.ContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Viewer_SeesTheCartButCannotStopOrErase()
    {
        var shop = await OwnShop.CreateAsync(_site, "viewing");
        var cart = await shop.AbandonedAndEmailedAsync("chk-view", "ivy@example.com", shop.Line("Mug", 1, 1_000, "ALP-MUG"));
        await _site.PersonAsync("viewer@viewing.example", shop.Store.AccountId!.Value, AccountRole.Viewer);
        var page = await _site.SignInAsync("viewer@viewing.example");
        await page.GotoAsync(_site.Url($"app/carts/{cart.Id}"));
        Assert.False(await page.IsVisibleAsync("button:text-is('Stop the sequence')"));
        Assert.False(await page.IsVisibleAsync("text=Erase customer data…"));

        var stop = await OwnShop.PostAsync(page, $"/app/carts/{cart.Id}?handler=Stop", []);
        var erase = await OwnShop.PostAsync(page, $"/app/carts/{cart.Id}/erase", new() { ["Confirm"] = "true" });

        Assert.Equal(403, stop.Status);
        Assert.Equal(403, erase.Status);
        var stored = (await Carts.GetAsync(cart.Id, AppSite.Ct))!;
        Assert.Equal((CartStatus.Abandoned, "ivy@example.com"), (stored.Status, stored.Contact.Email));
    }

    [Fact]
    public async Task Post_WithoutTheAntiforgeryToken_ChangesNothing()
    {
        var shop = await OwnShop.CreateAsync(_site, "forgery");
        var cart = await shop.AbandonedAndEmailedAsync("chk-forged", "zoe@example.com", shop.Line("Mug", 1, 1_000, "ALP-MUG"));
        var page = await _site.SignInAsync(shop.Owner);
        await page.GotoAsync(_site.Url($"app/carts/{cart.Id}"));

        var stop = await OwnShop.PostAsync(page, $"/app/carts/{cart.Id}?handler=Stop", [], withToken: false);
        var erase = await OwnShop.PostAsync(page, $"/app/carts/{cart.Id}/erase", new() { ["Confirm"] = "true" }, withToken: false);

        Assert.Equal(400, stop.Status);
        Assert.Equal(400, erase.Status);
        var stored = (await Carts.GetAsync(cart.Id, AppSite.Ct))!;
        Assert.Equal((CartStatus.Abandoned, "zoe@example.com"), (stored.Status, stored.Contact.Email));
    }

    [Fact]
    public async Task AnotherAccountsCart_Is404AndUntouched()
    {
        var shop = await OwnShop.CreateAsync(_site, "victim");
        var other = await OwnShop.CreateAsync(_site, "intruder", "Other Shop");
        var cart = await shop.AbandonedAndEmailedAsync("chk-private", "eve@example.com", shop.Line("Mug", 1, 1_000, "ALP-MUG"));
        var page = await _site.SignInAsync(other.Owner);

        var view = await page.GotoAsync(_site.Url($"app/carts/{cart.Id}"));
        Assert.Equal(404, view!.Status);
        Assert.Contains("This cart isn't here", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.DoesNotContain("eve@example.com", await page.ContentAsync(), StringComparison.Ordinal);
        Assert.Equal(404, (await page.GotoAsync(_site.Url($"app/carts/{cart.Id}/erase")))!.Status);
        var stop = await OwnShop.PostAsync(page, $"/app/carts/{cart.Id}?handler=Stop", []);
        var erase = await OwnShop.PostAsync(page, $"/app/carts/{cart.Id}/erase", new() { ["Confirm"] = "true" });

        Assert.Equal((404, 404), (stop.Status, erase.Status));
        var stored = (await Carts.GetAsync(cart.Id, AppSite.Ct))!;
        Assert.Equal((CartStatus.Abandoned, "eve@example.com"), (stored.Status, stored.Contact.Email));
        await page.GotoAsync(_site.Url("app/carts"));
        Assert.DoesNotContain("eve@example.com", await page.ContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CartPages_InFrench_AreTranslated()
    {
        var shop = await OwnShop.CreateAsync(_site, "paris");
        var cart = await shop.AbandonedAndEmailedAsync("chk-fr", "chloe@example.com", shop.Line("Bonnet en laine", 2, 2_800, "ALP-BNE-01"));
        var page = await _site.SignInAsync(shop.Owner, "fr-FR");

        await page.GotoAsync(_site.Url("app/carts"));
        Assert.Equal("Paniers", await page.InnerTextAsync("h1"));
        Assert.Contains("Abandonné", await page.InnerTextAsync("table.carts-table"), StringComparison.Ordinal);
        Assert.Contains("56,00\u00A0€", await page.InnerTextAsync("table.carts-table"), StringComparison.Ordinal);
        await HeadlessChromium.SaveScreenshotsAsync(page, "carts-list-fr");
        await page.GotoAsync(_site.Url($"app/carts/{cart.Id}"));

        Assert.Equal("Panier chk-fr", await page.InnerTextAsync("h1"));
        Assert.Contains("Chronologie", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        // The timeline's details come from their codes, in French, money as the shop writes it.
        var timeline = await page.InnerTextAsync("ol.timeline");
        Assert.Contains("Panier enregistré : 1 article(s), 56,00\u00A0€", timeline, StringComparison.Ordinal);
        Assert.Contains("étape(s) programmée(s)", timeline, StringComparison.Ordinal);
        Assert.Contains("E-mail de l'étape 1 envoyé", timeline, StringComparison.Ordinal);
        Assert.DoesNotContain("Step 1", timeline, StringComparison.Ordinal);
        Assert.Contains("Arrêter la séquence", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        await HeadlessChromium.SaveScreenshotsAsync(page, "carts-cart-fr");
    }

    [Fact]
    public async Task CartPage_OnAPhone_WrapsALongEmailOnlyAfterItsAt()
    {
        const string email = "marie-christine.delacroix-fontaine@boutique-alpine-exemple.example.com";
        var shop = await OwnShop.CreateAsync(_site, "wrap");
        var cart = await shop.AbandonedAndEmailedAsync("chk-wrap", email, shop.Line("Merino Beanie", 1, 2_900, "ALP-BNE-01"));
        var page = await _site.SignInAsync(shop.Owner);
        await page.SetViewportSizeAsync(360, 800);

        await page.GotoAsync(_site.Url($"app/carts/{cart.Id}"));

        var link = page.Locator("dl.facts a[href^='mailto:']");
        Assert.Equal("mailto:" + email, await link.GetAttributeAsync("href"));
        Assert.Equal(email, (await link.InnerTextAsync()).Replace("\n", "", StringComparison.Ordinal));
        // Each line of the address on screen is a whole part: the name with its "@", or the domain; never a piece of one.
        var lines = await link.EvaluateAsync<string[]>("""
            a => {
              const range = document.createRange(), text = [...a.querySelectorAll('span')].map(s => s.firstChild);
              const tops = new Map();
              for (const node of text)
                for (let i = 0; i < node.length; i++) {
                  range.setStart(node, i); range.setEnd(node, i + 1);
                  const top = Math.round(range.getBoundingClientRect().top);
                  tops.set(top, (tops.get(top) || '') + node.data[i]);
                }
              return [...tops.entries()].sort((x, y) => x[0] - y[0]).map(e => e[1]);
            }
            """);
        Assert.Equal(["marie-christine.delacroix-fontaine@", "boutique-alpine-exemple.example.com"], lines);
        Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth"), "the page scrolls sideways");
    }

    [Fact]
    public void TimelineWords_EveryEnglishSentence_HasItsFrenchWords()
    {
        var words = _site.App.Service<Microsoft.Extensions.Localization.IStringLocalizer<CartRecovery.Web.Pages.Carts.TimelineWords>>();
        var before = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("fr-FR");
        try
        {
            // "{0}" (a reason or someone else's text, shown as it is) is the only sentence without words of its own.
            var missing = TimelineTexts.Words.Values.Distinct().Where(w => w != "{0}" && words[w].ResourceNotFound).ToList();
            Assert.Empty(missing);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = before;
        }
    }
}
