using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http;

namespace CartRecovery.Connectors.Demo.Storefront;

/// <summary>
/// The demo shop's page frame: its own stylesheet (<c>/demo/assets/shop.css</c>, allowed by the app's
/// <c>style-src 'self'</c>), no script, no inline style, a header with the cart and the language switch.
/// </summary>
internal static class ShopPage
{
    // Leaves letters of every language readable in the source ("Français", "€"); markup characters are still encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Encode(string? value) => Encoder.Encode(value ?? "");

    public static IResult Render(ShopRequest shop, string title, string bodyHtml, int statusCode = StatusCodes.Status200OK)
    {
        ArgumentNullException.ThrowIfNull(shop);
        var t = shop.Text;
        var other = t.Language == DemoShopLanguage.French ? DemoShopLanguage.English : DemoShopLanguage.French;
        var count = shop.VisitorCart?.Lines.Sum(l => l.Quantity) ?? 0;
        var cartLink = count > 0 ? t.Format("Cart ({0})", count.ToString("N0", t.Culture)) : t["Cart"];
        return Results.Content($"""
            <!doctype html>
            <html lang="{t.Language}">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <meta name="robots" content="noindex">
              <title>{Encode(title)} · {Encode(shop.ShopName)}</title>
              <link rel="stylesheet" href="/demo/assets/shop.css">
            </head>
            <body>
            <header class="shop-header">
              <div class="wrap">
                <a class="brand" href="/demo/">{Encode(shop.ShopName)}</a>
                <nav aria-label="{Encode(t["Main"])}">
                  <a href="/demo/">{Encode(t["Shop"])}</a>
                  <a class="cart-link" href="/demo/cart">{Encode(cartLink)}</a>
                  <a href="{Encode(shop.LanguageSwitchUrl(other))}" hreflang="{other}" lang="{other}">{Encode(other == DemoShopLanguage.French ? "Français" : "English")}</a>
                </nav>
              </div>
            </header>
            <main class="wrap">
            {bodyHtml}
            </main>
            <footer class="wrap">{Encode(t["Demo shop of CartRecovery: nothing here is for sale."])}</footer>
            </body>
            </html>
            """, "text/html; charset=utf-8", statusCode: statusCode);
    }

    /// <summary>A page with a heading, a paragraph and a link button.</summary>
    public static IResult Message(ShopRequest shop, string title, string text, string href, string linkLabel, int statusCode = StatusCodes.Status200OK) =>
        Render(shop, title, $"""
            <section class="panel narrow">
              <h1>{Encode(title)}</h1>
              {(text.Length > 0 ? $"<p>{Encode(text)}</p>" : "")}
              <p><a class="button" href="{Encode(href)}">{Encode(linkLabel)}</a></p>
            </section>
            """, statusCode);

    /// <summary>A product's thumbnail (decorative: the title sits beside it).</summary>
    public static string Thumb(string? url, int size, string cssClass = "thumb") =>
        url is null ? "" : $"""<img class="{cssClass}" src="{Encode(url)}" alt="" width="{size.ToString(CultureInfo.InvariantCulture)}" height="{size.ToString(CultureInfo.InvariantCulture)}">""";
}
