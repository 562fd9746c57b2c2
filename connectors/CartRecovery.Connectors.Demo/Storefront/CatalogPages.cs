using System.Globalization;
using System.Text;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Stores;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CartRecovery.Connectors.Demo.Storefront;

/// <summary>The shop's window: the product grid, a product's page, thumbnails and the stylesheet.</summary>
internal static class CatalogPages
{
    private static readonly Lazy<byte[]> Stylesheet = new(() =>
    {
        using var stream = typeof(CatalogPages).Assembly.GetManifestResourceStream("CartRecovery.Connectors.Demo.shop.css")
            ?? throw new InvalidOperationException("shop.css is not embedded");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    public static void Map(RouteGroupBuilder demo)
    {
        demo.MapGet("/", HomeAsync);
        demo.MapGet("/products/{handle}", ProductAsync);
        demo.MapGet("/images/{sku}.png", (string sku) =>
            DemoCatalog.FindProduct(sku) is { } product ? Results.File(DemoThumbnails.Png(product), "image/png") : Results.NotFound());
        // Carts captured before the thumbnails became PNG still link to .svg: send them to the PNG.
        demo.MapGet("/images/{sku}.svg", (string sku) => Results.Redirect($"/demo/images/{Uri.EscapeDataString(sku)}.png", permanent: true));
        demo.MapGet("/assets/shop.css", () => Results.Bytes(Stylesheet.Value, "text/css; charset=utf-8"));
    }

    private static async Task<IResult> HomeAsync(HttpContext http, IStoreRepository stores, ICartRepository carts, IAntiforgery antiforgery)
    {
        var shop = await ShopRequest.OpenAsync(http, stores, carts);
        if (shop.Store is null)
            return Closed(shop);
        var t = shop.Text;
        var tiles = new StringBuilder();
        foreach (var product in DemoCatalog.Products)
        {
            var href = $"/demo/products/{product.Handle}";
            var price = product.Variants.Select(v => v.PriceMinor).Distinct().Count() > 1
                ? t.Format("from {0}", t.Money(product.FromPriceMinor))
                : t.Money(product.FromPriceMinor);
            tiles.Append(CultureInfo.InvariantCulture, $"""
                <article class="product-card">
                  <a href="{href}">{ShopPage.Thumb(DemoCartLines.ImageUrl(shop.Storefront, product.Variants[0].Sku).AbsoluteUri, 240, "tile")}</a>
                  <h2><a href="{href}">{ShopPage.Encode(product.TitleIn(t.Language))}</a></h2>
                  <p class="price">{ShopPage.Encode(price)}</p>
                  {AddToCartForm(shop, antiforgery, product, withQuantity: false)}
                </article>
                """);
        }
        return ShopPage.Render(shop, shop.ShopName, $"""
            <h1>{ShopPage.Encode(shop.ShopName)}</h1>
            <p class="lead">{ShopPage.Encode(t["Outdoor gear for the mountains. Fill a cart, go to checkout, leave your email, then walk away: CartRecovery will try to win you back."])}</p>
            <div class="products">{tiles}</div>
            """);
    }

    private static async Task<IResult> ProductAsync(string handle, HttpContext http, IStoreRepository stores, ICartRepository carts, IAntiforgery antiforgery)
    {
        var shop = await ShopRequest.OpenAsync(http, stores, carts);
        if (shop.Store is null)
            return Closed(shop);
        var t = shop.Text;
        if (DemoCatalog.FindProduct(handle) is not { } product)
            return ShopPage.Message(shop, t["No such product"], t["This product is not in our shop."], "/demo/", t["Back to the shop"], StatusCodes.Status404NotFound);
        var title = product.TitleIn(t.Language);
        return ShopPage.Render(shop, title, $"""
            <p class="crumbs"><a href="/demo/">{ShopPage.Encode(t["Back to the shop"])}</a></p>
            <div class="product-page">
              {ShopPage.Thumb(DemoCartLines.ImageUrl(shop.Storefront, product.Variants[0].Sku).AbsoluteUri, 240, "tile large")}
              <section>
                <h1>{ShopPage.Encode(title)}</h1>
                <p class="price">{ShopPage.Encode(t.Money(product.FromPriceMinor))}</p>
                {AddToCartForm(shop, antiforgery, product, withQuantity: true)}
              </section>
            </div>
            """);
    }

    /// <summary>"Add to cart" for a product: a variant picker when it has several, a quantity on its own page.</summary>
    private static string AddToCartForm(ShopRequest shop, IAntiforgery antiforgery, DemoProduct product, bool withQuantity)
    {
        var t = shop.Text;
        var id = product.Handle;
        string variant;
        if (product.Variants.Count == 1)
        {
            var only = product.Variants[0];
            variant = $"""<input type="hidden" name="sku" value="{ShopPage.Encode(only.Sku)}">{(only.TitleIn(t.Language) is { } name ? $"""<p class="muted">{ShopPage.Encode(name)}</p>""" : "")}""";
        }
        else
        {
            // The price beside each choice only when the choices cost different amounts; the card shows it otherwise.
            var pricesDiffer = product.Variants.Select(v => v.PriceMinor).Distinct().Count() > 1;
            var options = string.Concat(product.Variants.Select(v =>
                $"""<option value="{ShopPage.Encode(v.Sku)}">{ShopPage.Encode(v.TitleIn(t.Language))}{(pricesDiffer ? " · " + ShopPage.Encode(t.Money(v.PriceMinor)) : "")}</option>"""));
            variant = $"""<label class="visually-hidden" for="variant-{id}">{ShopPage.Encode(t["Choose"])}</label><select id="variant-{id}" name="sku">{options}</select>""";
        }
        var quantity = withQuantity
            ? $"""<label for="quantity-{id}">{ShopPage.Encode(t["Quantity"])}</label><input id="quantity-{id}" class="quantity" type="number" name="quantity" value="1" min="1" max="{DemoCartLines.MaxQuantity}">"""
            : "";
        return $"""
            <form class="add-to-cart" method="post" action="/demo/cart/add">
              {shop.Token(antiforgery)}{variant}{quantity}
              <button type="submit">{ShopPage.Encode(t["Add to cart"])}</button>
            </form>
            """;
    }

    public static IResult Closed(ShopRequest shop) =>
        ShopPage.Message(shop, shop.Text["The demo shop is closed"], shop.Text["Start the app with --demo to open it."], "/app", "CartRecovery", StatusCodes.Status404NotFound);
}
