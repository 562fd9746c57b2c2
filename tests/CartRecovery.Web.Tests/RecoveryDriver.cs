using System.Text.RegularExpressions;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Recovery;
using CartRecovery.Core.Stores;
using MimeKit;

namespace CartRecovery.Web.Tests;

/// <summary>Plays a connector and the jobs against the real host: report carts, move the fake clock, run a job's work.</summary>
internal sealed partial class RecoveryDriver(CartRecoveryAppFactory app)
{
    public CancellationToken Ct { get; } = TestContext.Current.CancellationToken;

    /// <summary>The language the next reported carts' customers shop in.</summary>
    public string Locale { get; set; } = "en";

    public Task<CartMergeResult> ReportCartAsync(Store store, string externalId, string? email = "ana@example.com", DateTimeOffset? updatedAt = null, params CartLine[] lines) =>
        ReportCartAsync(store, externalId, $"http://localhost/demo/cart/{externalId}", email, updatedAt, lines);

    /// <summary>A cart whose way back is <paramref name="restoreUrl"/> (what the platform reported).</summary>
    public Task<CartMergeResult> ReportCartAsync(Store store, string externalId, string restoreUrl, string? email, DateTimeOffset? updatedAt, params CartLine[] lines)
    {
        var at = updatedAt ?? app.Time.GetUtcNow();
        IReadOnlyList<CartLine> list = lines.Length > 0 ? lines : [new CartLine("Ridgeline Down Jacket", 1, 18900, "p1", "v1", "ALP-JKT-M", "Size M", "http://localhost/demo/images/ALP-JKT-M.svg")];
        var total = list.Sum(l => l.LineTotalMinor);
        var snapshot = new CartSnapshot(store.Id, externalId, new CartContact(email, FirstName: "Ana", Locale: Locale), list, store.Currency, total, total,
            restoreUrl, at, at);
        return app.Service<CartIngestion>().ReportCartAsync(snapshot, Ct);
    }

    public void Advance(TimeSpan by) => app.Time.Advance(by);

    /// <summary>
    /// Places the order of a demo cart as a shopper's browser does: opens the cart page (where a restore link lands)
    /// and posts its "Place order" form with the page's antiforgery token and <paramref name="discount"/>.
    /// </summary>
    public async Task<HttpResponseMessage> PlaceDemoOrderAsync(HttpClient browser, string cartId, string discount = "")
    {
        ArgumentNullException.ThrowIfNull(browser);
        var page = await browser.GetStringAsync($"/demo/cart/{Uri.EscapeDataString(cartId)}", Ct);
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__af\" value=\"([^\"]+)\"").Groups[1].Value;
        return await browser.PostAsync($"/demo/cart/{Uri.EscapeDataString(cartId)}/order",
            new FormUrlEncodedContent([new("__af", token), new("discount", discount)]), Ct);
    }

    public Task<int> DetectAsync() => app.Service<AbandonmentDetector>().RunOnceAsync(Ct);

    public Task<DispatchSummary> DispatchAsync() => app.Service<MessageDispatcher>().RunOnceAsync(Ct);

    /// <summary>Reports a cart of the demo store and walks its quick demo sequence (abandoned after 10 s) to its follow-up task.</summary>
    public async Task<(Cart Cart, Core.Tasks.FollowUpTask Task)> WalkDemoCartToTaskAsync(Store demo, string externalId)
    {
        await ReportCartAsync(demo, externalId);
        Advance(TimeSpan.FromSeconds(11));
        await DetectAsync();
        Advance(TimeSpan.FromSeconds(41));
        await DispatchAsync();
        var cart = (await CartAsync(demo, externalId))!;
        var tasks = await app.Service<Core.Tasks.IFollowUpTaskRepository>().ListAsync(demo.Id, null, null, Ct);
        return (cart, tasks.Single(t => t.CartId == cart.Id));
    }

    /// <summary>The first email sent for <paramref name="cart"/> (its step 1).</summary>
    public MimeMessage FirstEmailOf(Cart cart) => app.PickedUpEmails().Select(f => MimeMessage.Load(f))
        .First(m => m.MessageId?.StartsWith($"cart-{cart.Id}.step-1.", StringComparison.Ordinal) == true);

    /// <summary>Every email sent for <paramref name="cart"/>, in the order they were picked up.</summary>
    public IReadOnlyList<MimeMessage> EmailsOf(Cart cart) => app.PickedUpEmails().Select(f => MimeMessage.Load(f))
        .Where(m => m.MessageId?.StartsWith($"cart-{cart.Id}.", StringComparison.Ordinal) == true).ToList();

    /// <summary>Asserts what every opt-out leaves: the cart closed as opted out, its follow-up task closed.</summary>
    public async Task AssertOptedOutAsync(Cart cart, Core.Tasks.FollowUpTask task)
    {
        Assert.Equal(CartStatus.OptedOut, (await app.Service<ICartRepository>().GetAsync(cart.Id, Ct))!.Status);
        Assert.Equal(Core.Tasks.FollowUpTaskStatus.Closed, (await app.Service<Core.Tasks.IFollowUpTaskRepository>().GetAsync(task.Id, Ct))!.Status);
        var timeline = await app.Service<ICartRepository>().GetTimelineAsync(cart.Id, Ct);
        Assert.Contains(timeline, e => e.Kind == CartEventKinds.OptedOut && e.Detail.EndsWith("its open follow-up task was closed", StringComparison.Ordinal));
    }

    public Task<Cart?> CartAsync(Store store, string externalId) => app.Service<ICartRepository>().FindAsync(store.Id, externalId, Ct);

    /// <summary>Reports, abandons and sends step 1 for a new cart; returns the cart and its email.</summary>
    public async Task<(Cart Cart, MimeMessage Email)> AbandonAndSendFirstStepAsync(Store store, string externalId, string email = "ana@example.com",
        string? restoreUrl = null)
    {
        await ReportCartAsync(store, externalId, restoreUrl ?? $"http://localhost/demo/cart/{externalId}", email, null);
        Advance(store.AbandonAfter + TimeSpan.FromSeconds(1));
        await DetectAsync();
        Advance(Core.Sequences.SequencePresets.Find(store.Sequence).Steps[0].Delay);
        await DispatchAsync();
        var cart = (await CartAsync(store, externalId))!;
        var sent = app.PickedUpEmails().Select(f => MimeMessage.Load(f)).Single(m => m.MessageId?.StartsWith($"cart-{cart.Id}.", StringComparison.Ordinal) == true);
        return (cart, sent);
    }

    public static string RestorePath(MimeMessage email) => LinkPath(email.HtmlBody ?? "", "r");

    public static string UnsubscribePath(MimeMessage email) => LinkPath(email.HtmlBody ?? "", "u");

    /// <summary>The email's "why did you leave?" link for the reason word <paramref name="reason"/> (<c>/why/{token}?r=word</c>).</summary>
    public static string ReasonPath(MimeMessage email, string reason) => LinkPath(email.HtmlBody ?? "", "why") + "?r=" + reason;

    private static string LinkPath(string html, string prefix)
    {
        var match = Regex.Match(html, $"http://localhost/({prefix}/[A-Za-z0-9_-]+)");
        Assert.True(match.Success, $"no /{prefix}/ link in the email");
        return "/" + match.Groups[1].Value;
    }
}
