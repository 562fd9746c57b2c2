using System.Net;
using System.Text.RegularExpressions;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Recovery;
using CartRecovery.Core.Stores;
using CartRecovery.Data.Connections;
using CartRecovery.Testing.Emulators.Shopify;
using Dapper;
using MimeKit;

namespace CartRecovery.Web.Tests.Features.Shopify;

/// <summary>The issue's "done when": install, signed checkout, abandonment, offer email with a discount link, signed order, redact.</summary>
public sealed class ShopifyRecoveryTests : IAsyncLifetime
{
    private ShopifyHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await ShopifyHost.StartAsync();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task InstalledShop_CheckoutAbandonedOfferSentOrderPlacedThenRedacted_LeavesNoTrace()
    {
        var store = await _host.InstalledStoreAsync();
        var checkout = _host.AddBootsCheckout();
        await _host.AbandonAndSendTwoStepsAsync(checkout.Id);

        var discount = Assert.Single(_host.Shopify.Discounts);
        Assert.Equal((1, true), (discount.UsageLimit, discount.AppliesOncePerCustomer));
        Assert.Equal(0.1m, discount.Percentage);
        var offerEmail = _host.App.PickedUpEmails().Select(f => MimeMessage.Load(f)).Single(m => m.MessageId?.Contains(".step-2.", StringComparison.Ordinal) == true);
        Assert.Contains(discount.Code, offerEmail.TextBody, StringComparison.Ordinal);
        var restore = Regex.Match(offerEmail.HtmlBody!, @"http://127\.0\.0\.1:\d+/r/[A-Za-z0-9_-]+").Value;
        var click = await _host.NewBrowser().GetAsync(restore, ShopifyHost.Ct);
        Assert.Equal(HttpStatusCode.Redirect, click.StatusCode);
        Assert.Contains($"/discount/{discount.Code}", click.Headers.Location!.AbsoluteUri, StringComparison.Ordinal);
        Assert.Contains("redirect=", click.Headers.Location.Query, StringComparison.Ordinal);
        _host.App.Time.Advance(TimeSpan.FromMinutes(4));

        Assert.Equal([HttpStatusCode.OK], await _host.Shopify.TriggerWebhookAsync("orders/create",
            _host.Shopify.OrderPayload(checkout.Id, 9_100_000_001, "130.50", discount.Code)));
        await _host.ProcessWebhooksAsync();
        var cart = (await _host.App.Service<ICartRepository>().FindByRefAsync(store.Id, "7001", ShopifyHost.Ct))!;
        Assert.Equal((CartStatus.Recovered, 2, 13050L), (cart.Status, cart.RecoveredByStep, cart.OrderTotalMinor!.Value));

        using (await _host.Shopify.SendWebhookAsync(_host.WebhookUrl, "customers/redact", _host.Shopify.CustomersRedactPayload(7001, "lena@example.com"))) { }
        await _host.ProcessWebhooksAsync();

        await using var db = await _host.App.Service<IDbConnectionFactory>().OpenAsync(ShopifyHost.Ct);
        foreach (var table in new[] { "carts", "cart_lines", "cart_events", "messages", "suppressions", "webhook_deliveries", "follow_up_tasks", "data_exports" })
        {
            var rows = await db.QueryAsync(new CommandDefinition($"SELECT * FROM {table}", cancellationToken: ShopifyHost.Ct));
            var text = string.Join('\n', rows.Select(r => string.Join('|', ((IDictionary<string, object?>)r).Values)));
            Assert.False(text.Contains("lena@example.com", StringComparison.OrdinalIgnoreCase), $"{table} still mentions the customer");
        }
        Assert.Null(await _host.App.Service<ICartRepository>().FindByRefAsync(store.Id, "7001", ShopifyHost.Ct));
    }

    [Fact]
    public async Task Polling_FindsCheckoutsWhoseWebhooksNeverArrived_AcrossPagesAndThrottling()
    {
        var store = await _host.InstalledStoreAsync();
        for (var i = 0; i < 25; i++)
            _host.Shopify.AddCheckout(new ShopifyEmulatorCheckout
            {
                Id = 8000 + i,
                Email = $"buyer{i}@example.com",
                Lines = [new ShopifyEmulatorLine(4401, 7701, "Trail Boots", null, null, 1, "145.00")],
            });
        _host.Shopify.ThrottleNext(1);

        var poller = _host.App.Service<IEnumerable<Core.Storefronts.IStorePoller>>().Single(p => p.Platform == Platforms.Shopify);
        var pollTask = poller.PollAsync(store, ShopifyHost.Ct);
        // The throttled request waits on the fake clock for the bucket to refill; let time pass until the poll is done.
        for (var i = 0; i < 200 && !pollTask.IsCompleted; i++)
        {
            await Task.Delay(10, ShopifyHost.Ct);
            _host.App.Time.Advance(TimeSpan.FromSeconds(1));
        }
        await pollTask;

        var carts = await _host.App.Service<ICartRepository>().ListAsync(new CartQuery(store.Id, Take: 100), ShopifyHost.Ct);
        Assert.Equal(25, carts.Count);

        // A second pass may re-read the last instant (the cursor is inclusive) but creates nothing new.
        await poller.PollAsync(store, ShopifyHost.Ct);
        Assert.Equal(25, (await _host.App.Service<ICartRepository>().ListAsync(new CartQuery(store.Id, Take: 100), ShopifyHost.Ct)).Count);
    }
}
