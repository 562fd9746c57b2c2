using System.Text.RegularExpressions;
using CartRecovery.Web.Hosting;

namespace CartRecovery.Web.Pages;

/// <summary>
/// A page a shop's customer lands on from its emails (unsubscribe, reasons): it speaks for the shop, with its logo
/// (or its name) above the page and its colour on buttons and links when it set one.
/// </summary>
internal static partial class ShopPage
{
    public static IResult Render(HttpContext http, ShopFace shop, string title, string bodyHtml, string language, int statusCode = StatusCodes.Status200OK)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(shop);
        var header = shop.LogoUrl is { } logo
            ? $"""<header class="brand"><img class="logo" src="{HtmlPage.Encode(logo)}" alt="{HtmlPage.Encode(shop.Name)}"></header>"""
            : $"""<header class="brand"><strong>{HtmlPage.Encode(shop.Name)}</strong></header>""";
        var css = BrandCss(shop.BrandColor);
        SecurityHeaders.AllowStyle(http, css);
        return HtmlPage.Render(title, header + bodyHtml, statusCode, language, "", css);
    }

    // Only a checked #RRGGBB goes into the style block (the settings accept nothing else, but rows predate that rule).
    private static string BrandCss(string? color)
    {
        var brand = color is not null && HexColor().IsMatch(color) ? color : "#1f6feb";
        return $"header.brand {{ margin: 0 0 24px; padding: 0 0 16px; border-bottom: 3px solid {brand}; font-size: 20px; }} "
            + $"img.logo {{ max-height: 48px; max-width: 200px; }} button, a.button {{ background: {brand}; }} main a:not(.button) {{ color: {brand}; }}";
    }

    [GeneratedRegex("^#[0-9A-Fa-f]{6}$")]
    private static partial Regex HexColor();
}

/// <summary>What a shop shows of itself on its customers' pages: its name, logo (a web address or null) and colour.</summary>
internal sealed record ShopFace(string Name, string? LogoUrl, string? BrandColor);
