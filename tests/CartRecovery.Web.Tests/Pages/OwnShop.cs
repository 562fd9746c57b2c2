using CartRecovery.Core.Accounts;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Stores;
using CartRecovery.Testing;
using Microsoft.Playwright;

namespace CartRecovery.Web.Tests.Pages;

/// <summary>
/// A shop of its own account for exact assertions (the demo store gets history seeded beside the tests), its owner,
/// and carts walked through the hybrid sequence with the fake clock.
/// </summary>
internal sealed class OwnShop(AppSite site, Store store, string owner)
{
    public Store Store { get; } = store;
    public string Owner { get; } = owner;
    public RecoveryDriver Drive { get; } = new(site.App);

    public static async Task<OwnShop> CreateAsync(AppSite site, string key, string name = "Nordic Threads")
    {
        var store = await site.App.Service<IStoreRepository>().UpsertAsync(TestData.Store(name: name, timeZone: "Europe/Paris") with
        {
            Id = 0,
            ExternalId = key,
            PublicKey = null,
            Sequence = "standard",
            AbandonAfter = TimeSpan.FromMinutes(15),
        }, AppSite.Ct);
        var owner = $"owner@{key}.example";
        await site.PersonAsync(owner, store.AccountId!.Value, AccountRole.Owner);
        return new OwnShop(site, store, owner);
    }

    public CartLine Line(string title, int quantity, long unitPrice, string sku) =>
        new(title, quantity, unitPrice, $"p-{sku}", $"v-{sku}", sku, "Size M", site.Url($"demo/images/{sku}.svg"));

    /// <summary>Reports a cart, abandons it and sends step 1 (an email, one hour later).</summary>
    public async Task<Cart> AbandonedAndEmailedAsync(string externalId, string email, params CartLine[] lines)
    {
        await Drive.ReportCartAsync(Store, externalId, email, null, lines);
        Drive.Advance(Store.AbandonAfter + TimeSpan.FromSeconds(1));
        await Drive.DetectAsync();
        Drive.Advance(TimeSpan.FromHours(1));
        await Drive.DispatchAsync();
        return (await Drive.CartAsync(Store, externalId))!;
    }

    /// <summary>Walks a cart on to its follow-up task (step 2 at 24 h, the task at 48 h).</summary>
    public async Task<Core.Tasks.FollowUpTask> FollowUpAsync(string externalId, string email)
    {
        var cart = await AbandonedAndEmailedAsync(externalId, email, Line("Wool Beanie", 2, 2_500, "ALP-BNE-01"));
        Drive.Advance(TimeSpan.FromHours(24));
        await Drive.DispatchAsync();
        Drive.Advance(TimeSpan.FromHours(24));
        await Drive.DispatchAsync();
        var tasks = await site.App.Service<Core.Tasks.IFollowUpTaskRepository>().ListAsync(Store.Id, null, null, AppSite.Ct);
        return tasks.Single(t => t.CartId == cart.Id);
    }

    /// <summary>
    /// Posts a form from a signed-in page as its browser would (same cookies), with the antiforgery token of the page's
    /// own forms unless <paramref name="withToken"/> is false.
    /// </summary>
    public static async Task<IAPIResponse> PostAsync(IPage page, string path, Dictionary<string, string> fields, bool withToken = true)
    {
        if (withToken)
            fields["__af"] = (await page.GetAttributeAsync("input[name=__af]", "value"))!;
        return await page.Context.APIRequest.PostAsync(Absolute(page, path), new APIRequestContextOptions { Form = Form(page, fields), MaxRedirects = 0 });
    }

    private static string Absolute(IPage page, string path) => new Uri(new Uri(page.Url), path).AbsoluteUri;

    private static IFormData Form(IPage page, Dictionary<string, string> fields)
    {
        var form = page.Context.APIRequest.CreateFormData();
        foreach (var (key, value) in fields)
            form.Set(key, value);
        return form;
    }
}
