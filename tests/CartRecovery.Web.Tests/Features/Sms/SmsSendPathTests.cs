using System.Net;
using CartRecovery.Connectors.Demo;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Messages;
using CartRecovery.Core.Recovery;
using CartRecovery.Core.Restore;
using CartRecovery.Core.Sequences;
using CartRecovery.Core.Sms;
using Microsoft.Extensions.Time.Testing;

namespace CartRecovery.Web.Tests.Features.Sms;

/// <summary>
/// The demo store's text step through the real host and the pickup folder: sent to a cart with a mobile number and SMS
/// consent, skipped with its reason otherwise, deferred outside the French sending hours, and its short link.
/// </summary>
public sealed class SmsSendPathTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    // Walks a demo cart to its text step (due 30 s after abandonment) and runs the dispatcher.
    private static async Task<Cart> WalkToTextAsync(CartRecoveryAppFactory app, RecoveryDriver drive, string externalId, string? phone, bool? consent, string locale = "en")
    {
        var store = await app.DemoStoreAsync();
        await SmsCarts.ReportAsync(app, store, externalId, phone, consent, locale);
        drive.Advance(TimeSpan.FromSeconds(11));
        await drive.DetectAsync();
        drive.Advance(TimeSpan.FromSeconds(31));
        await drive.DispatchAsync();
        return (await drive.CartAsync(store, externalId))!;
    }

    private static async Task<OutboundMessage> TextOfAsync(CartRecoveryAppFactory app, Cart cart) =>
        (await app.Service<IMessageRepository>().ListForCartAsync(cart.Id, Ct)).Single(m => m.Kind == StepKind.Sms);

    [Fact]
    public async Task DemoCartWithAMobileAndConsent_GetsATextInThePickupFolderWhoseShortLinkLeadsBack()
    {
        using var app = new CartRecoveryAppFactory(demo: true);
        var drive = new RecoveryDriver(app);

        var cart = await WalkToTextAsync(app, drive, "chk-sms", "06 12 34 56 78", consent: true, locale: "fr");

        var message = await TextOfAsync(app, cart);
        Assert.Equal((MessageStatus.Sent, "+33612345678"), (message.Status, message.Recipient));
        var text = Assert.Single(SmsCarts.PickedUpTexts(app), t => t.GetProperty("to").GetString() == "+33612345678");
        var body = text.GetProperty("body").GetString()!;
        Assert.StartsWith("Alpine & Co. (demo) : Ana, votre panier (189,00 €) vous attend : http://localhost/s/", body, StringComparison.Ordinal);
        Assert.EndsWith("\nSTOP au 0612000000", body, StringComparison.Ordinal);
        Assert.Equal((1, "Gsm7"), (text.GetProperty("parts").GetInt32(), text.GetProperty("encoding").GetString()));
        var timeline = await app.Service<ICartRepository>().GetTimelineAsync(cart.Id, Ct);
        Assert.Contains(timeline, e => e.Kind == CartEventKinds.MessageSent && e.Detail.StartsWith("Step 3 text sent", StringComparison.Ordinal));

        var click = await app.BrowserClient().GetAsync(SmsCarts.ShortPath(body), Ct);

        Assert.Equal(HttpStatusCode.Redirect, click.StatusCode);
        Assert.Equal("http://localhost/demo/cart/chk-sms", click.Headers.Location?.AbsoluteUri);
        Assert.NotNull((await app.Service<IMessageRepository>().GetAsync(message.Id, Ct))!.ClickedAt);
        Assert.Contains(await app.Service<ICartRepository>().GetTimelineAsync(cart.Id, Ct), e => e.Kind == CartEventKinds.Clicked && e.Detail == "Short link of step 3 clicked");
    }

    [Fact]
    public async Task DemoCartWithoutSmsConsent_GetsNoTextAndTheReasonOnItsTimeline()
    {
        using var app = new CartRecoveryAppFactory(demo: true);
        var drive = new RecoveryDriver(app);

        var cart = await WalkToTextAsync(app, drive, "chk-nosms", "06 12 34 56 78", consent: null);

        Assert.Equal(MessageStatus.Cancelled, (await TextOfAsync(app, cart)).Status);
        Assert.Empty(SmsCarts.PickedUpTexts(app));
        var timeline = await app.Service<ICartRepository>().GetTimelineAsync(cart.Id, Ct);
        Assert.Contains(timeline, e => e.Kind == CartEventKinds.MessageCancelled && e.Detail == $"Step 3 cancelled: text skipped: {SmsSending.NoConsent}");
    }

    public static TheoryData<DateTimeOffset, DateTimeOffset> ClosedHours => new()
    {
        // Sunday 29 November 2026, 15:00 in Paris (UTC+1): Monday 08:00 Paris.
        { new(2026, 11, 29, 14, 0, 0, TimeSpan.Zero), new(2026, 11, 30, 7, 0, 0, TimeSpan.Zero) },
        // Wednesday 25 November 2026, 20:30 in Paris: Thursday 08:00.
        { new(2026, 11, 25, 19, 30, 0, TimeSpan.Zero), new(2026, 11, 26, 7, 0, 0, TimeSpan.Zero) },
        // Saturday 13 June 2026, 21:00 in Paris (UTC+2, summer time): Monday 15 June 08:00, i.e. 06:00 UTC.
        { new(2026, 6, 13, 19, 0, 0, TimeSpan.Zero), new(2026, 6, 15, 6, 0, 0, TimeSpan.Zero) },
        // Tuesday 14 July 2026, Bastille Day (a public holiday), 10:00 in Paris: Wednesday 08:00.
        { new(2026, 7, 14, 8, 0, 0, TimeSpan.Zero), new(2026, 7, 15, 6, 0, 0, TimeSpan.Zero) },
    };

    [Theory]
    [MemberData(nameof(ClosedHours))]
    public async Task TextDueOutsideTheFrenchSendingHours_IsDeferredToTheNextOpeningThenSent(DateTimeOffset dueAround, DateTimeOffset opens)
    {
        // Abandoned 42 s before the instant, so the text falls due right at it.
        using var app = new CartRecoveryAppFactory(demo: true, time: new FakeTimeProvider(dueAround.AddSeconds(-42)));
        var drive = new RecoveryDriver(app);

        var cart = await WalkToTextAsync(app, drive, "chk-late", "+33 6 12 34 56 78", consent: true);

        var message = await TextOfAsync(app, cart);
        Assert.Equal((MessageStatus.Pending, opens), (message.Status, message.DueAt));
        Assert.Empty(SmsCarts.PickedUpTexts(app));
        Assert.Contains(await app.Service<ICartRepository>().GetTimelineAsync(cart.Id, Ct),
            e => e.Kind == CartEventKinds.MessageDeferred && e.Detail.StartsWith($"Step 3 waits until {opens:u}", StringComparison.Ordinal));

        app.Time.SetUtcNow(opens);
        await drive.DispatchAsync();

        Assert.Equal(MessageStatus.Sent, (await TextOfAsync(app, cart)).Status);
        Assert.Single(SmsCarts.PickedUpTexts(app));
    }

    [Fact]
    public async Task ShortLink_WhenAlteredExpiredOrIssuedForAnotherStore_ShowsAFriendlyPageAndRecordsNoClick()
    {
        using var app = new CartRecoveryAppFactory(demo: true);
        var drive = new RecoveryDriver(app);
        var cart = await WalkToTextAsync(app, drive, "chk-link", "06 12 34 56 78", consent: true);
        var message = await TextOfAsync(app, cart);
        var path = SmsCarts.ShortPath(Assert.Single(SmsCarts.PickedUpTexts(app)).GetProperty("body").GetString()!);
        var browser = app.BrowserClient();

        var altered = await browser.GetAsync(path[..^1] + (path[^1] == 'A' ? 'B' : 'A'), Ct);
        var otherStore = await browser.GetAsync("/s/" + app.Service<ShortLinkSigner>().Issue(cart.StoreId + 1, message.Id, app.Time.GetUtcNow().AddDays(1)), Ct);
        var garbage = await browser.GetAsync("/s/%3Cscript%3E", Ct);
        drive.Advance(TimeSpan.FromDays(31));
        var expired = await browser.GetAsync(path, Ct);

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.Gone],
            new[] { altered, otherStore, garbage, expired }.Select(r => r.StatusCode));
        Assert.Contains("couldn't find that cart", await altered.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Contains("This link has expired", await expired.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Null((await app.Service<IMessageRepository>().GetAsync(message.Id, Ct))!.ClickedAt);
        Assert.DoesNotContain(await app.Service<ICartRepository>().GetTimelineAsync(cart.Id, Ct), e => e.Kind == CartEventKinds.Clicked);
    }

    [Fact]
    public async Task DemoStore_HasTextsOnAtStart()
    {
        using var app = new CartRecoveryAppFactory(demo: true);

        var store = await app.DemoStoreAsync();

        Assert.Equal(DemoStore.Texts, await app.Service<ISmsSettingsRepository>().GetAsync(store.Id, Ct));
    }
}
