using System.Net;
using System.Text.Json;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Messages;
using MimeKit;

namespace CartRecovery.Web.Tests.EndToEnd;

/// <summary>One abandoned cart through the whole product on the real host and a real SQLite file.</summary>
public sealed class RecoveryPathTests : IDisposable
{
    private readonly CartRecoveryAppFactory _app = new();
    private readonly RecoveryDriver _drive;

    public RecoveryPathTests() => _drive = new RecoveryDriver(_app);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task CapturedCart_WhenAbandonedClickedAndOrdered_IsRecoveredWithMetrics()
    {
        var store = await _app.DemoStoreAsync();
        await _drive.ReportCartAsync(store, "chk-1");

        // Not idle long enough yet: nothing happens.
        _drive.Advance(store.AbandonAfter - TimeSpan.FromSeconds(1));
        Assert.Equal(0, await _drive.DetectAsync());

        _drive.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(1, await _drive.DetectAsync());
        var cart = (await _drive.CartAsync(store, "chk-1"))!;
        Assert.Equal(CartStatus.Abandoned, cart.Status);

        // Step 1 is not due until its delay has passed.
        Assert.Equal(0, (await _drive.DispatchAsync()).Claimed);
        _drive.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(1, (await _drive.DispatchAsync()).Sent);

        var file = Assert.Single(_app.PickedUpEmails());
        var email = MimeMessage.Load(file, _drive.Ct);
        Assert.Equal("ana@example.com", email.To.Mailboxes.Single().Address);
        Assert.Contains("Ridgeline Down Jacket", email.HtmlBody, StringComparison.Ordinal);
        Assert.StartsWith("<http://localhost/u/", email.Headers["List-Unsubscribe"], StringComparison.Ordinal);
        Assert.Equal("List-Unsubscribe=One-Click", email.Headers["List-Unsubscribe-Post"]);

        var browser = _app.BrowserClient();
        var click = await browser.GetAsync(RecoveryDriver.RestorePath(email), _drive.Ct);
        Assert.Equal(HttpStatusCode.Redirect, click.StatusCode);
        Assert.Equal("http://localhost/demo/cart/chk-1", click.Headers.Location?.AbsoluteUri);

        var landing = await browser.GetStringAsync(click.Headers.Location, _drive.Ct);
        Assert.Contains("Ridgeline Down Jacket", landing, StringComparison.Ordinal);
        _drive.Advance(TimeSpan.FromMinutes(3));
        var order = await _drive.PlaceDemoOrderAsync(browser, "chk-1");
        Assert.Equal(HttpStatusCode.OK, order.StatusCode);

        cart = (await _drive.CartAsync(store, "chk-1"))!;
        Assert.Equal(CartStatus.Recovered, cart.Status);
        Assert.Equal(1, cart.RecoveredByStep);
        Assert.Equal(18900, cart.OrderTotalMinor);

        var messages = await _app.Service<IMessageRepository>().ListForCartAsync(cart.Id, _drive.Ct);
        Assert.Equal(MessageStatus.Sent, messages.Single(m => m.Step == 1).Status);
        Assert.All(messages.Where(m => m.Step > 1), m => Assert.Equal(MessageStatus.Cancelled, m.Status));

        // Later steps were cancelled: even once due, nothing more goes out.
        _drive.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(0, (await _drive.DispatchAsync()).Sent);
        Assert.Single(_app.PickedUpEmails());

        using var metrics = JsonDocument.Parse(await _app.AdminClient().GetStringAsync($"/api/metrics?storeId={store.Id}", _drive.Ct));
        var m = metrics.RootElement;
        Assert.Equal(1, m.GetProperty("abandonedCarts").GetInt64());
        Assert.Equal(1, m.GetProperty("emailsSent").GetInt64());
        Assert.Equal(1, m.GetProperty("clicked").GetInt64());
        Assert.Equal(1, m.GetProperty("recoveredOrders").GetInt64());
        Assert.Equal(1.0, m.GetProperty("recoveryRate").GetDouble());
        var revenue = Assert.Single(m.GetProperty("recoveredRevenue").EnumerateArray());
        Assert.Equal(("EUR", 18900L), (revenue.GetProperty("currency").GetString(), revenue.GetProperty("amountMinor").GetInt64()));

        using var detail = JsonDocument.Parse(await _app.AdminClient().GetStringAsync($"/api/carts/{cart.Id}", _drive.Ct));
        var kinds = detail.RootElement.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToList();
        Assert.Equal([CartEventKinds.Captured, CartEventKinds.Abandoned, CartEventKinds.MessageSent, CartEventKinds.Clicked, CartEventKinds.Recovered], kinds);
    }

    [Fact]
    public async Task OfferStep_WhenSent_CarriesACodeThatTheRestoreLinkApplies()
    {
        var store = await _app.DemoStoreAsync();
        await _drive.AbandonAndSendFirstStepAsync(store, "chk-offer");
        _drive.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(1, (await _drive.DispatchAsync()).Sent);

        var offerEmail = _app.PickedUpEmails().Select(f => MimeMessage.Load(f)).Single(e => e.MessageId?.Contains(".step-2.", StringComparison.Ordinal) == true);
        var cart = (await _drive.CartAsync(store, "chk-offer"))!;
        var code = (await _app.Service<IMessageRepository>().ListForCartAsync(cart.Id, _drive.Ct)).Single(m => m.Step == 2).OfferCode;
        Assert.NotNull(code);
        Assert.Contains(code, offerEmail.TextBody, StringComparison.Ordinal);

        var click = await _app.BrowserClient().GetAsync(RecoveryDriver.RestorePath(offerEmail), _drive.Ct);
        Assert.Equal($"http://localhost/demo/cart/chk-offer?discount={code}", click.Headers.Location?.AbsoluteUri);
    }

    [Fact]
    public async Task OrderWithoutAnyMessage_IsConvertedUnassisted()
    {
        var store = await _app.DemoStoreAsync();
        await _drive.ReportCartAsync(store, "chk-quick");
        _drive.Advance(TimeSpan.FromSeconds(3));

        var order = await _drive.PlaceDemoOrderAsync(_app.BrowserClient(), "chk-quick");

        Assert.Equal(HttpStatusCode.OK, order.StatusCode);
        Assert.Equal(CartStatus.ConvertedUnassisted, (await _drive.CartAsync(store, "chk-quick"))!.Status);
        _drive.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, await _drive.DetectAsync());
    }

    [Fact]
    public async Task CartWithoutEmail_IsNeverAbandoned()
    {
        var store = await _app.DemoStoreAsync();
        await _drive.ReportCartAsync(store, "chk-guest", email: null);
        _drive.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(0, await _drive.DetectAsync());
        Assert.Equal(CartStatus.Active, (await _drive.CartAsync(store, "chk-guest"))!.Status);
    }

    [Fact]
    public async Task DuplicateAndOutOfOrderUpdates_KeepOneCartWithTheNewestContents()
    {
        var store = await _app.DemoStoreAsync();
        var t0 = _app.Time.GetUtcNow();
        var boots = new CartLine("Summit Trail Boots", 1, 14500);
        var beanie = new CartLine("Merino Beanie", 2, 2900);

        await _drive.ReportCartAsync(store, "chk-ooo", updatedAt: t0.AddMinutes(2), lines: [boots, beanie]);
        var stale = await _drive.ReportCartAsync(store, "chk-ooo", updatedAt: t0, lines: [boots]);
        var duplicate = await _drive.ReportCartAsync(store, "chk-ooo", updatedAt: t0.AddMinutes(2), lines: [boots, beanie]);

        // The stale snapshot may teach an earlier creation time, but never replaces the contents.
        Assert.NotEqual(MergeOutcome.Updated, stale.Outcome);
        Assert.Equal(MergeOutcome.Unchanged, duplicate.Outcome);
        var page = await _app.Service<ICartRepository>().ListAsync(new CartQuery(store.Id), _drive.Ct);
        var cart = Assert.Single(page);
        Assert.Equal(14500 + 5800, cart.TotalMinor);
        Assert.Equal(2, cart.Lines.Count);
    }
}
