using System.Globalization;
using System.Text.RegularExpressions;
using CartRecovery.Connectors.Demo;
using CartRecovery.Core.Accounts;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Sequences;
using CartRecovery.Core.Stores;
using CartRecovery.Core.Suppression;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Playwright;

namespace CartRecovery.Web.Tests.Pages.Localization;

/// <summary>
/// A French merchant walks every page of the demo shop (with its history, suppressions of every kind, a cart opted out,
/// the plan banner, and the sequence editor's "nothing was saved" banner) and meets no English: the page text, its
/// labels and tooltips hold none of a few words English UI text is made of and French never uses. Shop data (product
/// and people names, addresses, links) and code are left out.
/// </summary>
public sealed partial class FrenchPagesTests : IAsyncLifetime
{
    private const string AgencyOwner = "proprietaire@agence.example";
    private AppSite _site = null!;

    public async ValueTask InitializeAsync() => _site = await AppSite.StartAsync(AppSite.OverItsPlan);

    public async ValueTask DisposeAsync()
    {
        if (_site is not null)
            await _site.DisposeAsync();
    }

    /// <summary>Words (whole, case as written) of English UI text that never appear in French UI text.</summary>
    private static readonly string[] EnglishWords =
    [
        "the", "The", "your", "Your", "and", "with", "is", "are", "was", "this", "This", "that", "from", "has", "must", "will",
        "for", "of", "to", "you", "You", "not", "by", "at", "ago", "days", "hours", "sent", "email", "emails", "cart", "carts",
        "step", "steps", "customer", "customers", "order", "orders",
        "Save", "Cancel", "Customer", "Settings", "Cart", "Carts", "Step", "Sequence", "Template", "Templates", "unsubscribed",
        "merchant", "bounce", "Bounce", "HardBounce", "SpamComplaint", "complaint", "provider", "suppressed", "hold", "used up",
        "saved", "Add", "Remove", "Edit", "Delete", "Back", "Next", "Previous", "Search", "Filter", "Preview", "Subject",
        "Desktop", "Phone", "Open", "Sent", "Pending", "Failed", "Recovered", "Abandoned", "Ordered", "Opted", "None", "Yes",
        "Variant", "Order", "Orders", "Revenue", "Team", "Owner", "Member", "Viewer", "Keys", "Shop", "Store", "Health",
        "Branding", "Sending", "Home", "Follow-ups", "Tasks", "Name", "Email", "Status", "Reason", "Since",
    ];

    /// <summary>The text of the page a person reads or hears, without code, frames, or what the shop or its customers wrote.</summary>
    private const string PageText = """
        () => {
          const skip = 'SCRIPT, STYLE, CODE, PRE, TEXTAREA, IFRAME, NOSCRIPT, SVG, TEMPLATE';
          const parts = [document.title];
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const el = node.parentElement;
            if (el && !el.closest(skip.toLowerCase() + ', svg, [translate=no]')) parts.push(node.textContent);
          }
          for (const el of document.body.querySelectorAll('[placeholder], [title], [aria-label], img[alt], input[type=submit], input[type=button]')) {
            if (el.closest('[translate=no]')) continue;
            for (const name of ['placeholder', 'title', 'aria-label', 'alt']) if (el.getAttribute(name)) parts.push(el.getAttribute(name));
            if (el.tagName === 'INPUT' && (el.type === 'submit' || el.type === 'button')) parts.push(el.value);
          }
          return parts.map(p => p.replace(/\s+/g, ' ').trim()).filter(p => p.length > 0);
        }
        """;

    [Fact]
    public async Task EveryPage_ForAFrenchMerchant_HoldsNoEnglish()
    {
        var store = await _site.DemoStoreAsync();
        var optedOut = await ArrangeSuppressionsAsync(store);
        await _site.App.Service<ISequenceRepository>().CreateAsync(store.Id, SequencePresets.Standard with { Name = "hiver" }, _site.App.Time.GetUtcNow(), AppSite.Ct);
        // An agency's owner, so that the portfolio is there too: the demo shop is its client.
        var accounts = _site.App.Service<IAccountRepository>();
        var agency = await accounts.CreateAsync("Agence Alpine", AccountKind.Agency, _site.App.Time.GetUtcNow(), AppSite.Ct);
        Assert.True(await accounts.AssignStoreAsync(store.Id, agency.Id, AppSite.Ct));
        await _site.PersonAsync(AgencyOwner, agency.Id, AccountRole.Owner);
        var page = await _site.SignInAsync(AgencyOwner, "fr-FR");
        var shopData = ShopData(store.Name, agency.Name);
        var failures = new List<string>();
        var visited = new List<string>();

        async Task CheckAsync(string path)
        {
            visited.Add(path.Split('?')[0]);
            var response = await page.GotoAsync(_site.Url(path.TrimStart('/')));
            Assert.True(response is { Ok: true }, $"{path}: {response?.Status}");
            failures.AddRange(EnglishIn(await page.EvaluateAsync<string[]>(PageText), shopData).Select(f => $"{path}: {f}"));
        }
        async Task<string> FirstLinkAsync(string listPath, string selector)
        {
            await page.GotoAsync(_site.Url(listPath.TrimStart('/')));
            var href = await page.GetAttributeAsync($"main {selector}", "href");
            Assert.False(string.IsNullOrEmpty(href), $"{listPath}: no link {selector}");
            return href!;
        }

        var id = store.Id.ToString(CultureInfo.InvariantCulture);
        await CheckAsync($"/app?store={id}");
        Assert.True(await page.IsVisibleAsync(".plan-notice"), "the plan banner is shown");
        await CheckAsync($"/app/sequences/new?store={id}");
        await CheckAsync($"/app/carts?store={id}");
        await CheckAsync($"/app/carts/{optedOut.ToString(CultureInfo.InvariantCulture)}?store={id}");
        await CheckAsync($"/app/carts/{(await HeldBackByThePlanAsync(store)).ToString(CultureInfo.InvariantCulture)}?store={id}");
        await CheckAsync(await FirstLinkAsync($"/app/carts?store={id}", "a[href*='/app/carts/']"));
        await CheckAsync($"/app/carts/{optedOut.ToString(CultureInfo.InvariantCulture)}/erase?store={id}");
        await CheckAsync($"/app/sequences?store={id}");
        await CheckAsync($"/app/sequences/questionnaire?store={id}");
        var sequence = await FirstLinkAsync($"/app/sequences?store={id}", "a[href*='/app/sequences/']:not([href*='questionnaire']):not([href*='/new'])");
        await CheckAsync(sequence);
        await CheckAsync($"/app/templates?store={id}");
        await CheckAsync(await FirstLinkAsync($"/app/templates?store={id}", "a[href*='/app/templates/']"));
        await CheckAsync($"/app/tasks?store={id}");
        await CheckAsync(await FirstLinkAsync($"/app/tasks?store={id}", "a[href*='/app/tasks/']"));
        // The email provider refused the shop's credentials: sending is paused with the provider's own words.
        await _site.App.Service<IStoreRepository>().UpsertAsync(
            (await _site.DemoStoreAsync()) with { SendingPausedReason = "Postmark rejected the server token (401): the token is not valid" }, AppSite.Ct);
        foreach (var tab in CartRecovery.Web.Pages.Settings.IndexModel.Tabs)
            await CheckAsync($"/app/settings?store={id}&tab={tab}");
        await page.GotoAsync(_site.Url($"app/settings?store={id}&tab=health"));
        Assert.True(await page.IsVisibleAsync("main code:has-text('Postmark rejected')"), "the health card shows the provider's words");
        await CheckAsync($"/app/team?store={id}");
        await CheckAsync($"/app/keys?store={id}");
        await CheckAsync($"/app/portfolio?store={id}");

        // The sequence editor saving a sequence that breaks a rule: its banner lists what to correct.
        await page.GotoAsync(_site.Url(sequence.TrimStart('/')));
        await page.FillAsync("#name", "");
        await page.ClickAsync("main button:has-text('nouvelle version') >> nth=0");
        await page.WaitForSelectorAsync(".banner.critical");
        failures.AddRange(EnglishIn(await page.EvaluateAsync<string[]>(PageText), shopData).Select(f => $"{sequence} (not saved): {f}"));

        // Every page of the app was walked (the email preview is the email itself, in the shop's language).
        foreach (var pattern in PagePatterns().Where(p => !p.StartsWith("/app/preview/", StringComparison.Ordinal)))
        {
            var route = new Regex("^" + RouteParameter().Replace(pattern, "[^/]+") + "$");
            Assert.True(visited.Any(v => route.IsMatch(v)), $"{pattern} is not walked: teach {nameof(EveryPage_ForAFrenchMerchant_HoldsNoEnglish)} its path");
        }
        Assert.True(failures.Count == 0, $"{failures.Count} English texts on French pages:\n" + string.Join("\n", failures.Distinct()));
    }

    /// <summary>Opts addresses out for every reason the app records; returns a cart closed by its customer unsubscribing.</summary>
    private async Task<long> ArrangeSuppressionsAsync(Core.Stores.Store store)
    {
        var carts = await _site.App.Service<ICartRepository>().ListAsync(new CartQuery(store.Id, CartStatus.Abandoned), AppSite.Ct);
        var open = carts.Where(c => c.Contact.Email is not null).DistinctBy(c => c.Contact.Email).Take(4).ToList();
        Assert.Equal(4, open.Count);
        var optOut = _site.App.Service<OptOut>();
        await optOut.RecordAsync(new(store.Id, open[0].Contact.Email!, "unsubscribed", open[0].Id), AppSite.Ct);
        await optOut.RecordAsync(new(store.Id, open[1].Contact.Email!, "postmark: Bounce HardBounce", open[1].Id), AppSite.Ct);
        await optOut.RecordAsync(new(store.Id, open[2].Contact.Email!, "postmark: SpamComplaint SpamComplaint", open[2].Id), AppSite.Ct);
        await optOut.RecordAsync(new(store.Id, "inactive@example.com", "the email provider reports the address as inactive"), AppSite.Ct);
        await optOut.RecordAsync(new(store.Id, "again@example.com", "the address is suppressed"), AppSite.Ct);
        await optOut.RecordAsync(new(store.Id, open[3].Contact.Email!, "added by the merchant"), AppSite.Ct);
        return open[0].Id;
    }

    /// <summary>A new cart abandoned in the shop over its plan of no emails: its first step waits for the plan.</summary>
    private async Task<long> HeldBackByThePlanAsync(Core.Stores.Store store)
    {
        var drive = new RecoveryDriver(_site.App);
        await drive.ReportCartAsync(store, "chk-plan", "plan@example.com");
        drive.Advance(store.AbandonAfter + TimeSpan.FromSeconds(1));
        await drive.DetectAsync();
        drive.Advance(TimeSpan.FromHours(1));
        await drive.DispatchAsync();
        var cart = (await drive.CartAsync(store, "chk-plan"))!;
        var timeline = await _site.App.Service<ICartRepository>().GetTimelineAsync(cart.Id, AppSite.Ct);
        Assert.True(timeline.Any(e => e.Entry is { Code: TimelineCodes.StepDeferred } entry && entry.Args.Any(a => a.Reason?.Code == TimelineCodes.PlanUsedUp)),
            string.Join("\n", timeline.Select(e => e.Detail)));
        return cart.Id;
    }

    private static List<string> ShopData(string storeName, string accountName) =>
    [
        storeName, accountName,
        .. DemoCatalog.Products.SelectMany(p => p.Variants.SelectMany(v => new[] { v.Title, v.TitleFr }).Prepend(p.TitleFr).Prepend(p.Title))
            .OfType<string>().OrderByDescending(t => t.Length),
    ];

    private static IEnumerable<string> EnglishIn(IEnumerable<string> texts, IReadOnlyList<string> shopData)
    {
        foreach (var raw in texts)
        {
            var text = Address().Replace(raw, " ");
            foreach (var data in shopData)
                text = text.Replace(data, " ", StringComparison.Ordinal);
            var found = EnglishWords.Where(w => Regex.IsMatch(text, $@"(?<![\p{{L}}'’-]){Regex.Escape(w)}(?![\p{{L}}'’-])")).ToList();
            if (found.Count > 0)
                yield return $"\"{raw}\" ({string.Join(", ", found)})";
        }
    }

    private List<string> PagePatterns() => _site.App.Service<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
        .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
        .Select(e => "/" + (e.RoutePattern.RawText ?? "").TrimStart('/')).Distinct().ToList();

    // Email addresses and links are the shop's or its customers'; Liquid tags in a hint are code.
    [GeneratedRegex(@"\S+@\S+|https?://\S+|\{\{.*?\}\}|\{%.*?%\}")]
    private static partial Regex Address();

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}
