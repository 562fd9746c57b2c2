using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Recovery;
using CartRecovery.Core.Storefronts;
using CartRecovery.Core.Stores;
using MimeKit;

namespace CartRecovery.Web.Tests.Features.WooCommerce;

/// <summary>The issue's "done when": key-authorization connect, a pending order found by polling, an offer email with the
/// order-pay link and a coupon, and the signed order.updated to processing marking the cart recovered.</summary>
public sealed class WooCommerceRecoveryTests : IAsyncLifetime
{
    private WooCommerceHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await WooCommerceHost.StartAsync();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    private static CancellationToken Ct => WooCommerceHost.Ct;

    [Fact]
    public async Task ConnectedShop_PendingOrderPolledOfferSentThenPaid_IsRecovered()
    {
        var (_, connected) = await _host.ConnectAsync();
        var store = connected!;
        var orderId = _host.Shop.AddOrder(o => o.Status("pending").Billing("lea@example.com").Line("Trail Boots", 1, "145.00", 7701));

        var poller = _host.App.Service<IEnumerable<IStorePoller>>().Single(p => p.Platform == Platforms.WooCommerce);
        await poller.PollAsync(store, Ct);
        var cart = (await _host.App.Service<ICartRepository>().FindByRefAsync(store.Id, orderId.ToString(CultureInfo.InvariantCulture), Ct))!;
        Assert.Equal(("lea@example.com", CartStatus.Active), (cart.Contact.Email, cart.Status));

        _host.App.Time.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal(1, await _host.App.Service<AbandonmentDetector>().RunOnceAsync(Ct));
        _host.App.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, (await _host.App.Service<MessageDispatcher>().RunOnceAsync(Ct)).Sent);
        _host.App.Time.Advance(TimeSpan.FromHours(23));
        Assert.Equal(1, (await _host.App.Service<MessageDispatcher>().RunOnceAsync(Ct)).Sent);

        var coupon = Assert.Single(_host.Shop.Coupons);
        var offerEmail = _host.App.PickedUpEmails().Select(f => MimeMessage.Load(f)).Single(m => m.MessageId?.Contains(".step-2.", StringComparison.Ordinal) == true);
        Assert.Contains(coupon.Code, offerEmail.TextBody, StringComparison.OrdinalIgnoreCase);
        // Order-pay asks guests for their billing email: the email says which one.
        Assert.Contains("asks for your email to open the order, enter lea@example.com", offerEmail.TextBody, StringComparison.Ordinal);
        var restore = Regex.Match(offerEmail.HtmlBody!, @"http://127\.0\.0\.1:\d+/r/[A-Za-z0-9_-]+").Value;
        var click = await _host.Browser().GetAsync(restore, Ct);
        Assert.Equal(HttpStatusCode.Redirect, click.StatusCode);
        Assert.Contains($"/checkout/order-pay/{orderId}/", click.Headers.Location!.AbsoluteUri, StringComparison.Ordinal);
        Assert.Contains("pay_for_order=true", click.Headers.Location.Query, StringComparison.Ordinal);

        _host.App.Time.Advance(TimeSpan.FromMinutes(5));
        _host.Shop.SetOrderStatus(orderId, "processing");
        var updated = _host.Shop.Webhooks.First(w => w.Topic == "order.updated");
        Assert.Equal(200, (await _host.Shop.SendOrderWebhookAsync(updated.Id, orderId, ct: Ct)).StatusCode);
        await _host.ProcessWebhooksAsync();

        cart = (await _host.App.Service<ICartRepository>().GetAsync(cart.Id, Ct))!;
        Assert.Equal((CartStatus.Recovered, 2), (cart.Status, cart.RecoveredByStep));
    }

    [Fact]
    public async Task PolledOrder_WithNamesAsWordPressStoresThem_ShowsTheCharactersInEmailsAndTheApi()
    {
        var (_, connected) = await _host.ConnectAsync();
        var store = connected!;
        var orderId = _host.Shop.AddOrder(o => o.Status("pending").Billing("lea@example.com")
            .Line("Ship Your Idea &ndash; Color: Black", 1, "20.00", 7710, variationId: 7711, parentName: "Ship Your Idea")
            .Line("Ben &amp; Jerry&#8217;s Tee", 1, "15.00", 7720));
        await _host.App.Service<IEnumerable<IStorePoller>>().Single(p => p.Platform == Platforms.WooCommerce).PollAsync(store, Ct);
        var cart = (await _host.App.Service<ICartRepository>().FindByRefAsync(store.Id, orderId.ToString(CultureInfo.InvariantCulture), Ct))!;

        _host.App.Time.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal(1, await _host.App.Service<AbandonmentDetector>().RunOnceAsync(Ct));
        _host.App.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, (await _host.App.Service<MessageDispatcher>().RunOnceAsync(Ct)).Sent);

        var email = _host.App.PickedUpEmails().Select(f => MimeMessage.Load(f)).Single();
        Assert.Contains("Ship Your Idea", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("Ben & Jerry\u2019s Tee", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("Ben &amp; Jerry\u2019s Tee", email.HtmlBody, StringComparison.Ordinal);
        foreach (var body in new[] { email.TextBody, email.HtmlBody })
        {
            Assert.DoesNotContain("ndash", body, StringComparison.Ordinal);
            Assert.DoesNotContain("&#8217;", body, StringComparison.Ordinal);
            Assert.DoesNotContain("&amp;amp;", body, StringComparison.Ordinal);
        }
        using var api = System.Text.Json.JsonDocument.Parse(await _host.Admin().GetStringAsync($"/api/carts/{cart.Id}", Ct));
        var lines = api.RootElement.GetProperty("lines").EnumerateArray()
            .Select(l => (l.GetProperty("title").GetString(), l.TryGetProperty("variantTitle", out var v) ? v.GetString() : null)).ToList();
        Assert.Equal([("Ship Your Idea", "Color: Black"), ("Ben & Jerry\u2019s Tee", null)], lines);
    }
}
