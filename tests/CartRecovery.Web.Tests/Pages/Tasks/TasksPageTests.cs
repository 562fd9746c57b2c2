using CartRecovery.Core.Accounts;
using CartRecovery.Core.Tasks;
using CartRecovery.Web.Tests.Browser;

namespace CartRecovery.Web.Tests.Pages.Tasks;

/// <summary>The follow-up queue and one follow-up, driven in Chromium on a shop of its own account.</summary>
public sealed class TasksPageTests : IAsyncLifetime
{
    private AppSite _site = null!;

    public async ValueTask InitializeAsync() => _site = await AppSite.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_site is not null)
            await _site.DisposeAsync();
    }

    private Task<FollowUpTask?> StoredAsync(long id) => _site.App.Service<IFollowUpTaskRepository>().GetAsync(id, AppSite.Ct);

    [Fact]
    public async Task FollowUp_AssignedAndCompletedFromThePage_KeepsTheOutcomeAndTheNote()
    {
        var shop = await OwnShop.CreateAsync(_site, "calls");
        var task = await shop.FollowUpAsync("chk-call", "sam@example.com");
        var page = await _site.SignInAsync(shop.Owner);

        await page.GotoAsync(_site.Url("app/tasks"));
        Assert.Contains("sam@example.com", await page.InnerTextAsync("table.tasks-table"), StringComparison.Ordinal);
        await HeadlessChromium.SaveScreenshotsAsync(page, "tasks-list");
        await page.ClickAsync("button:text-is('Assign to me')");
        await page.WaitForURLAsync(u => u.Contains("tab=mine", StringComparison.Ordinal));
        Assert.Equal(shop.Owner, (await StoredAsync(task.Id))!.Assignee);
        await page.ClickAsync("table.tasks-table a:text-is('sam@example.com')");

        Assert.Equal("mailto:sam@example.com", await page.GetAttributeAsync("dl.facts a[href^=mailto]", "href"));
        Assert.Contains("€50.00", await page.InnerTextAsync("ul.plain-list"), StringComparison.Ordinal);
        await HeadlessChromium.SaveScreenshotsAsync(page, "tasks-task");
        await page.FillAsync("#note", "Called at noon; she will order tonight.");
        await page.ClickAsync("button:text-is('Reached')");

        await page.WaitForSelectorAsync(".banner.success");
        var stored = (await StoredAsync(task.Id))!;
        Assert.Equal((FollowUpTaskStatus.Done, "Reached: Called at noon; she will order tonight."), (stored.Status, stored.Outcome));
        Assert.Equal(_site.App.Time.GetUtcNow(), stored.CompletedAt!.Value, TimeSpan.FromSeconds(1));
        await page.GotoAsync(_site.Url("app/tasks?tab=done"));
        Assert.Contains("Reached: Called at noon", await page.InnerTextAsync("table.tasks-table"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Complete_WithoutAnOutcome_ShowsTheErrorAndChangesNothing()
    {
        var shop = await OwnShop.CreateAsync(_site, "nooutcome");
        var task = await shop.FollowUpAsync("chk-bad", "kim@example.com");
        var page = await _site.SignInAsync(shop.Owner);
        await page.GotoAsync(_site.Url($"app/tasks/{task.Id}"));

        var response = await OwnShop.PostAsync(page, $"/app/tasks/{task.Id}?handler=Complete", new() { ["outcome"] = "thrilled", ["Note"] = "x" });

        Assert.Equal(200, response.Status);
        Assert.Contains("Choose what came of it.", await response.TextAsync(), StringComparison.Ordinal);
        Assert.Equal(FollowUpTaskStatus.Open, (await StoredAsync(task.Id))!.Status);
    }

    [Fact]
    public async Task Viewer_SeesTheFollowUpButItsPostsAreRefused()
    {
        var shop = await OwnShop.CreateAsync(_site, "watchers");
        var task = await shop.FollowUpAsync("chk-watch", "lou@example.com");
        await _site.PersonAsync("viewer@watchers.example", shop.Store.AccountId!.Value, AccountRole.Viewer);
        var page = await _site.SignInAsync("viewer@watchers.example");
        await page.GotoAsync(_site.Url($"app/tasks/{task.Id}"));
        Assert.False(await page.IsVisibleAsync("button:text-is('Reached')"));

        var complete = await OwnShop.PostAsync(page, $"/app/tasks/{task.Id}?handler=Complete", new() { ["outcome"] = "reached" });
        var assign = await OwnShop.PostAsync(page, "/app/tasks?handler=Assign", new() { ["taskId"] = task.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Equal((403, 403), (complete.Status, assign.Status));
        var stored = (await StoredAsync(task.Id))!;
        Assert.Equal((FollowUpTaskStatus.Open, (string?)null), (stored.Status, stored.Assignee));
    }

    [Fact]
    public async Task AnotherAccountsFollowUp_Is404AndUntouched_AndNoTokenChangesNothing()
    {
        var shop = await OwnShop.CreateAsync(_site, "owner-shop");
        var other = await OwnShop.CreateAsync(_site, "other-shop", "Other Shop");
        var task = await shop.FollowUpAsync("chk-mine", "ana@example.com");
        var intruder = await _site.SignInAsync(other.Owner);

        Assert.Equal(404, (await intruder.GotoAsync(_site.Url($"app/tasks/{task.Id}")))!.Status);
        Assert.DoesNotContain("ana@example.com", await intruder.ContentAsync(), StringComparison.Ordinal);
        var complete = await OwnShop.PostAsync(intruder, $"/app/tasks/{task.Id}?handler=Complete", new() { ["outcome"] = "reached" });
        var assign = await OwnShop.PostAsync(intruder, "/app/tasks?handler=Assign", new() { ["taskId"] = task.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal((404, 404), (complete.Status, assign.Status));

        var owner = await _site.SignInAsync(shop.Owner);
        await owner.GotoAsync(_site.Url($"app/tasks/{task.Id}"));
        var forged = await OwnShop.PostAsync(owner, $"/app/tasks/{task.Id}?handler=Complete", new() { ["outcome"] = "reached" }, withToken: false);
        Assert.Equal(400, forged.Status);
        var stored = (await StoredAsync(task.Id))!;
        Assert.Equal((FollowUpTaskStatus.Open, (string?)null), (stored.Status, stored.Assignee));
    }

    [Fact]
    public async Task FollowUp_InFrench_IsTranslated()
    {
        var shop = await OwnShop.CreateAsync(_site, "lyon");
        var task = await shop.FollowUpAsync("chk-fr", "jules@example.com");
        var page = await _site.SignInAsync(shop.Owner, "fr-FR");

        await page.GotoAsync(_site.Url($"app/tasks/{task.Id}"));

        Assert.Equal("Relance", await page.InnerTextAsync("h1"));
        Assert.True(await page.IsVisibleAsync("button:text-is('Pas de réponse')"));
        Assert.Contains("50,00\u00A0€", await page.InnerTextAsync("ul.plain-list"), StringComparison.Ordinal);
        await HeadlessChromium.SaveScreenshotsAsync(page, "tasks-task-fr");
    }
}
