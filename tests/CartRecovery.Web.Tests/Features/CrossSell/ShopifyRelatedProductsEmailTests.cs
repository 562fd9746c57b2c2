using System.Net;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Recovery;
using CartRecovery.Web.Tests.Features.Shopify;
using MimeKit;

namespace CartRecovery.Web.Tests.Features.CrossSell;

/// <summary>
/// "You may also like" for a Shopify shop through the real host: installed the merchant's way (the app asks for
/// unauthenticated_read_product_listings), a checkout abandoned, and the first email lists what Shopify's Storefront API
/// recommends beside the cart's product, read with a storefront access token the app created for the shop.
/// </summary>
public sealed class ShopifyRelatedProductsEmailTests
{
    [Fact]
    public async Task FirstEmail_OfAShopifyCart_ListsShopifysRecommendations_AvailableOnes()
    {
        await using var host = await ShopifyHost.StartAsync();
        var store = await host.InstalledStoreAsync();
        var socks = host.Shopify.AddProduct("Merino Trail Socks", "12.50", imageUrl: "https://cdn.example/socks.png");
        var gaiters = host.Shopify.AddProduct("Storm Gaiters", "30.00", availableForSale: false);
        var pack = host.Shopify.AddProduct("Summit Day Pack", "89.00");
        var checkout = host.AddBootsCheckout();
        host.Shopify.Recommend(checkout.Lines[0].ProductId, socks, gaiters, pack);

        Assert.Equal([HttpStatusCode.OK], await host.Shopify.TriggerWebhookAsync("checkouts/create", host.Shopify.CheckoutPayload(checkout.Id)));
        Assert.Equal(1, await host.ProcessWebhooksAsync());
        host.App.Time.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal(1, await host.App.Service<AbandonmentDetector>().RunOnceAsync(ShopifyHost.Ct));
        host.App.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, (await host.App.Service<MessageDispatcher>().RunOnceAsync(ShopifyHost.Ct)).Sent);

        var cart = (await host.App.Service<ICartRepository>().FindByRefAsync(store.Id, checkout.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ShopifyHost.Ct))!;
        var email = host.App.PickedUpEmails().Select(f => MimeMessage.Load(f))
            .Single(m => m.MessageId?.StartsWith($"cart-{cart.Id}.step-1.", StringComparison.Ordinal) == true);
        Assert.Contains("You may also like", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Merino Trail Socks", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("https://cdn.example/socks.png", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("https://shop.cartrecovery-test.example/products/summit-day-pack", email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Storm Gaiters", email.HtmlBody, StringComparison.Ordinal);
        Assert.Single(host.Shopify.StorefrontAccessTokens);
    }
}
