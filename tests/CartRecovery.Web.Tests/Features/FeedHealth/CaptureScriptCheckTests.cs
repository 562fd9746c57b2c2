using CartRecovery.Core.FeedHealth;
using CartRecovery.Jobs.FeedHealth;
using CartRecovery.Web.Tests.Features.WooCommerce;
using MimeKit;

namespace CartRecovery.Web.Tests.Features.FeedHealth;

/// <summary>
/// The capture script on the WooCommerce emulator's storefront: a home page without the store's script tag breaks the
/// capture feed and emails the owner once; pasting it back clears it with a recovery notice.
/// </summary>
public sealed class CaptureScriptCheckTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Check_AHomePageWithoutTheScript_BreaksTheCaptureFeed_UntilTheTagIsBack()
    {
        await using var host = await WooCommerceHost.StartAsync();
        var (_, store) = await host.ConnectAsync();
        Assert.NotNull(store);
        var alarms = host.App.Service<FeedAlarms>();
        host.Shop.CaptureScriptUrl = null;

        Assert.Equal(1, await alarms.CheckAllAsync(Ct));
        Assert.Equal(0, await alarms.CheckAllAsync(Ct));

        var open = Assert.Single(await host.App.Service<IFeedAlarmRepository>().ListAsync(store.Id, Ct));
        Assert.Equal((FeedSource.Capture, FeedState.Broken, FeedProblem.CaptureScriptMissing), (open.Source, open.State, open.Problem));
        var feeds = await host.App.Service<StoreFeeds>().CheckAsync(store, null, Ct);
        Assert.Equal(FeedProblem.CaptureScriptMissing, feeds.Single(f => f.Source == FeedSource.Capture).Problem);

        host.Shop.CaptureScriptUrl = new Uri(host.BaseUrl, $"capture/{store.PublicKey}/script.js");
        Assert.Equal(1, await alarms.CheckAllAsync(Ct));

        Assert.Empty(await host.App.Service<IFeedAlarmRepository>().ListAsync(store.Id, Ct));
        // The alarm and the recovery notice, to the person who connected the shop (its owner); nothing else.
        var emails = host.App.PickedUpEmails().Select(f => MimeMessage.Load(f)).ToList();
        Assert.Equal(2, emails.Count);
        Assert.All(emails, e => Assert.Equal("merchant@shop.example", e.To.Mailboxes.Single().Address));
        Assert.All(emails, e => Assert.Contains("capture", e.TextBody ?? "", StringComparison.OrdinalIgnoreCase));
    }
}
