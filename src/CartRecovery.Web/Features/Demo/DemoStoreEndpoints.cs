using System.Globalization;
using System.Text;
using CartRecovery.Connectors.Demo;
using CartRecovery.Core;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Recovery;
using CartRecovery.Core.Stores;
using CartRecovery.Web.Pages;

namespace CartRecovery.Web.Features.Demo;

/// <summary>
/// The demo shop's storefront: where a demo restore link lands, with a checkout button that places the order
/// through the demo connector, so a newcomer can walk the whole recovery path in a browser.
/// </summary>
internal static class DemoStoreEndpoints
{
    public static IEndpointRouteBuilder MapDemoStore(this IEndpointRouteBuilder app)
    {
        var demo = app.MapGroup("/demo").ExcludeFromDescription();
        demo.MapGet("/", async (IStoreRepository stores, CancellationToken ct) =>
            await FindStoreAsync(stores, ct) is { } store ? Home(store) : Closed());
        demo.MapGet("/products/{sku}", (string sku) =>
            DemoCatalog.Find(sku) is { } p
                ? HtmlPage.Render(p.Title, $"""<h1>{HtmlPage.Encode(p.Title)}</h1><p><img class="thumb" src="/demo/images/{HtmlPage.Encode(p.Sku)}.svg" alt="">{HtmlPage.Encode(p.Variant)}</p><p>{Money.Format(p.PriceMinor, DemoCatalog.Currency)}</p><p><a href="/demo/">Back to the shop</a></p>""")
                : HtmlPage.Render("Not found", "<h1>No such product</h1>", 404));
        demo.MapGet("/images/{sku}.svg", (string sku) =>
            DemoCatalog.Find(sku) is { } p ? Results.Content(Svg(p), "image/svg+xml") : Results.NotFound());
        demo.MapGet("/cart/{cartId}", CartAsync);
        demo.MapPost("/cart/{cartId}/order", OrderAsync).DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> CartAsync(string cartId, string? discount, IStoreRepository stores, ICartStore carts, DemoLedger ledger, CancellationToken ct)
    {
        if (await FindStoreAsync(stores, ct) is not { } store)
            return Closed();
        var cart = await carts.FindAsync(store.Id, cartId, ct);
        if (cart is null)
            return HtmlPage.Render("Cart not found", """<h1>That cart is gone</h1><p><a href="/demo/">Start shopping again</a></p>""", 404);
        if (cart.Status.IsConverted())
            return HtmlPage.Render("Already ordered", $"""<h1>This cart was already ordered</h1><p>Order {HtmlPage.Encode(cart.OrderId)}. <a href="/demo/">Back to the shop</a></p>""");

        var offer = ledger.FindOffer(discount);
        var off = DemoShop.Discount(cart, offer);
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"<h1>Your cart at {HtmlPage.Encode(store.Name)}</h1><table>");
        foreach (var line in cart.Lines)
            body.Append(CultureInfo.InvariantCulture, $"""<tr><td><img class="thumb" src="{HtmlPage.Encode(line.ImageUrl)}" alt="">{HtmlPage.Encode(line.Title)} <span class="muted">{HtmlPage.Encode(line.VariantTitle)}</span></td><td class="num">{line.Quantity} × {Money.Format(line.UnitPriceMinor, cart.Currency)}</td></tr>""");
        if (offer is not null)
            body.Append(CultureInfo.InvariantCulture, $"""<tr><td>Code <span class="code">{HtmlPage.Encode(discount)}</span> ({HtmlPage.Encode(offer.Describe(cart.Currency))})</td><td class="num">−{Money.Format(off, cart.Currency)}</td></tr>""");
        body.Append(CultureInfo.InvariantCulture, $"""<tr><td><strong>Total</strong></td><td class="num"><strong>{Money.Format(cart.TotalMinor - off, cart.Currency)}</strong></td></tr></table>""");
        body.Append(CultureInfo.InvariantCulture, $"""
            <form method="post" action="/demo/cart/{HtmlPage.Encode(Uri.EscapeDataString(cartId))}/order">
              <input type="hidden" name="discount" value="{HtmlPage.Encode(offer is null ? "" : discount)}">
              <button type="submit">Place order</button>
            </form>
            <p class="muted">This is the demo shop: no payment is taken. Placing the order marks the cart recovered in CartRecovery.</p>
            """);
        return HtmlPage.Render("Your cart", body.ToString());
    }

    private static async Task<IResult> OrderAsync(string cartId, HttpRequest request, IStoreRepository stores, DemoShop shop, CancellationToken ct)
    {
        if (await FindStoreAsync(stores, ct) is not { } store)
            return Closed();
        var form = request.HasFormContentType ? await request.ReadFormAsync(ct) : null;
        var discount = form?["discount"].ToString();
        var outcome = await shop.PlaceOrderAsync(store, cartId, string.IsNullOrEmpty(discount) ? null : discount, ct);
        return outcome switch
        {
            OrderOutcome.UnknownCart => HtmlPage.Render("Cart not found", """<h1>That cart is gone</h1><p><a href="/demo/">Back to the shop</a></p>""", 404),
            OrderOutcome.Recovered => HtmlPage.Render("Thank you", """<h1>Thank you for your order!</h1><p>CartRecovery counted this cart as <strong>recovered</strong>: see <code>GET /api/metrics</code>.</p><p><a href="/demo/">Back to the shop</a></p>"""),
            _ => HtmlPage.Render("Thank you", """<h1>Thank you for your order!</h1><p><a href="/demo/">Back to the shop</a></p>"""),
        };
    }

    private static IResult Home(Store store)
    {
        var items = string.Concat(DemoCatalog.Products.Select(p =>
            $"""<a href="/demo/products/{HtmlPage.Encode(p.Sku)}"><img src="/demo/images/{HtmlPage.Encode(p.Sku)}.svg" alt="" width="150" height="150"><br>{HtmlPage.Encode(p.Title)}<br><span class="muted">{Money.Format(p.PriceMinor, DemoCatalog.Currency)}</span></a>"""));
        return HtmlPage.Render(store.Name, $"""
            <h1>{HtmlPage.Encode(store.Name)}</h1>
            <p>A demo shop whose shoppers fill carts, leave, and come back through CartRecovery's emails.
            Recovery emails land in the pickup folder as <code>.eml</code> files; their links lead back here.</p>
            <div class="grid">{items}</div>
            """);
    }

    private static IResult Closed() =>
        HtmlPage.Render("Demo shop closed", "<h1>The demo shop is closed</h1><p>Start the app with <code>--demo</code> to open it.</p>", 404);

    private static Task<Store?> FindStoreAsync(IStoreRepository stores, CancellationToken ct) =>
        stores.FindAsync(Platforms.Demo, DemoCatalog.StoreKey, ct);

    private static string Svg(DemoProduct p) => $"""
        <svg xmlns="http://www.w3.org/2000/svg" width="300" height="300" viewBox="0 0 300 300">
          <rect width="300" height="300" rx="24" fill="{p.Colour}"/>
          <text x="150" y="170" font-family="Helvetica, Arial, sans-serif" font-size="64" fill="#fff" text-anchor="middle">{HtmlPage.Encode(string.Concat(p.Title.Split(' ').Take(2).Select(w => w[0])))}</text>
        </svg>
        """;
}
