using System.Globalization;
using System.Text;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Recovery;
using CartRecovery.Core.Stores;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CartRecovery.Connectors.Demo.Storefront;

/// <summary>
/// The payment step, which is also where a restore link lands (the platform's own recovery URL): the cart with the
/// email's code applied and a "Place order" button. A visitor who leaves here has abandoned their cart.
/// </summary>
internal static class OrderPages
{
    public static void Map(RouteGroupBuilder demo)
    {
        demo.MapGet("/cart/{cartId}", CartAsync);
        demo.MapPost("/cart/{cartId}/order", OrderAsync);
    }

    private static async Task<IResult> CartAsync(string cartId, string? discount, HttpContext http, IStoreRepository stores, ICartRepository carts,
        DemoLedger ledger, IAntiforgery antiforgery)
    {
        var store = await stores.FindAsync(Platforms.Demo, DemoCatalog.StoreKey, http.RequestAborted);
        var cart = store is null ? null : await carts.FindAsync(store.Id, cartId, http.RequestAborted);
        var shop = await ShopRequest.OpenAsync(http, stores, carts, cart?.Contact.Locale);
        var t = shop.Text;
        if (shop.Store is null)
            return CatalogPages.Closed(shop);
        if (cart is null)
            return ShopPage.Message(shop, t["That cart is gone"], "", "/demo/", t["Start shopping again"], StatusCodes.Status404NotFound);
        if (cart.Status.IsConverted())
            return ShopPage.Message(shop, t["This cart was already ordered"], t.Format("Order {0}.", cart.OrderId ?? ""), "/demo/", t["Back to the shop"]);

        // The way back: this cart becomes the visitor's own again, as a platform's recovery URL restores the checkout.
        if (cart.Status is CartStatus.Active or CartStatus.Abandoned)
            shop.RememberCart(cart.ExternalId);
        var offer = ledger.FindOffer(discount);
        var off = DemoShop.Discount(cart, offer);
        var rows = new StringBuilder();
        foreach (var line in cart.Lines)
            rows.Append(CultureInfo.InvariantCulture, $"""<tr><td class="product">{ShopPage.Thumb(line.ImageUrl, 48)}<span><strong>{ShopPage.Encode(line.Title)}</strong><span class="muted">{ShopPage.Encode(line.VariantTitle)}</span></span></td><td class="num">{line.Quantity.ToString("N0", t.Culture)} × {ShopPage.Encode(t.Money(line.UnitPriceMinor))}</td></tr>""");
        if (offer is not null)
            rows.Append(CultureInfo.InvariantCulture, $"""<tr><td>{ShopPage.Encode(t.Format("Code {0}", ""))}<span class="code">{ShopPage.Encode(discount)}</span> <span class="muted">{ShopPage.Encode(offer.Describe(cart.Currency))}</span></td><td class="num">−{ShopPage.Encode(t.Money(off))}</td></tr>""");
        var contact = cart.Contact.CanBeEmailed
            ? $"""<p class="contact">{ShopPage.Encode(t["Contact"])}: <strong>{ShopPage.Encode(cart.Contact.Email)}</strong> · <a href="/demo/checkout">{ShopPage.Encode(t["Edit contact details"])}</a></p>"""
            : "";
        var leave = cart.Contact.CanBeEmailed && cart.Status == CartStatus.Active
            ? $"""
              <section class="panel hint">
                <h2>{ShopPage.Encode(t["Or leave now"])}</h2>
                <p>{ShopPage.Encode(t.Format("About {0} seconds after your last change CartRecovery counts this cart as abandoned and sends the first reminder to {1} (in the pickup folder, as an .eml file). The cart is listed in the app under Carts.", shop.Store.AbandonAfter.TotalSeconds.ToString("N0", t.Culture), cart.Contact.Email ?? ""))}</p>
                <p><a class="button secondary" href="/app/carts">{ShopPage.Encode(t["Open the app's carts"])}</a></p>
              </section>
              """
            : "";
        return ShopPage.Render(shop, t["Payment"], $"""
            <h1>{ShopPage.Encode(t["Payment"])}</h1>
            <section class="panel">
              {contact}
              <table class="lines"><tbody>{rows}</tbody></table>
              <p class="total-row"><span>{ShopPage.Encode(t["Total"])}</span><strong>{ShopPage.Encode(t.Money(cart.TotalMinor - off))}</strong></p>
              <form method="post" action="/demo/cart/{ShopPage.Encode(Uri.EscapeDataString(cartId))}/order">
                {shop.Token(antiforgery)}
                <input type="hidden" name="discount" value="{ShopPage.Encode(offer is null ? "" : discount)}">
                <button type="submit" class="wide">{ShopPage.Encode(t["Place order"])}</button>
              </form>
              <p class="muted">{ShopPage.Encode(t["No payment is taken in the demo shop: placing the order marks the cart converted in CartRecovery."])}</p>
            </section>
            {leave}
            """);
    }

    private static Task<IResult> OrderAsync(string cartId, HttpContext http, IStoreRepository stores, ICartRepository carts, IAntiforgery antiforgery, DemoShop demo) =>
        CartPages.PostAsync(http, stores, carts, antiforgery, async (shop, store, form) =>
        {
            var t = shop.Text;
            var discount = form["discount"].ToString();
            var outcome = await demo.PlaceOrderAsync(store, cartId, string.IsNullOrEmpty(discount) ? null : discount, http.RequestAborted);
            if (outcome == OrderOutcome.UnknownCart)
                return ShopPage.Message(shop, t["That cart is gone"], "", "/demo/", t["Back to the shop"], StatusCodes.Status404NotFound);
            if (shop.VisitorCart?.ExternalId == cartId)
                shop.ForgetCart();
            var text = outcome == OrderOutcome.Recovered ? t["CartRecovery counted this cart as recovered."] : "";
            return ShopPage.Message(shop, t["Thank you for your order!"], text, "/demo/", t["Back to the shop"]);
        });
}
