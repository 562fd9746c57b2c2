using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Stores;
using CartRecovery.Web.Tests.Features.Shopify;
using MimeKit;

namespace CartRecovery.Web.Tests.Features.Telemetry;

/// <summary>What one Shopify cart's journey left behind: its ids and the secrets that must not show up in telemetry.</summary>
internal sealed record CartJourney(Store Store, Cart Cart, string Email, string RestoreToken, string UnsubscribeToken)
{
    /// <summary>
    /// Lena's checkout through a signed webhook, processed into a cart, abandoned, both steps sent (the second with an offer
    /// issued through the Shopify API) and the offer email's restore link clicked over HTTP.
    /// </summary>
    public static async Task<CartJourney> WalkAsync(ShopifyHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var store = await host.InstalledStoreAsync();
        var checkout = host.AddBootsCheckout();
        await host.AbandonAndSendTwoStepsAsync(checkout.Id);
        var cart = (await host.App.Service<ICartRepository>().FindByRefAsync(store.Id, checkout.Id.ToString(CultureInfo.InvariantCulture), ShopifyHost.Ct))!;
        var email = host.App.PickedUpEmails().Select(f => MimeMessage.Load(f)).Single(m => m.MessageId?.Contains(".step-2.", StringComparison.Ordinal) == true);
        var restore = Regex.Match(email.HtmlBody!, @"http://127\.0\.0\.1:\d+/r/([A-Za-z0-9_-]+)");
        var unsubscribe = Regex.Match(email.HtmlBody!, @"/u/([A-Za-z0-9_-]+)");
        Assert.True(restore.Success && unsubscribe.Success, "the email has its restore and unsubscribe links");
        using var click = await host.NewBrowser().GetAsync(restore.Value, ShopifyHost.Ct);
        Assert.Equal(HttpStatusCode.Redirect, click.StatusCode);
        return new(store, cart, "lena@example.com", restore.Groups[1].Value, unsubscribe.Groups[1].Value);
    }
}
