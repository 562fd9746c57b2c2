using Microsoft.Playwright;

namespace CartRecovery.Web.Tests.Pages;

/// <summary>A shop's logo on its CDN, played by the test: the pages a shop's customers see show it above the page.</summary>
internal static class ShopLogo
{
    public const string Url = "https://cdn.alpine-demo.example/logo.svg";

    public const string BrandColor = "#0B6E4F";

    /// <summary>The brand colour as the browser computes it.</summary>
    public const string BrandRgb = "rgb(11, 110, 79)";

    public static Task ServeAsync(IPage page) => page.RouteAsync(Url, route => route.FulfillAsync(new()
    {
        ContentType = "image/svg+xml",
        Body = """<svg xmlns="http://www.w3.org/2000/svg" width="160" height="40"><rect width="160" height="40" rx="6" fill="#0B6E4F"/><text x="80" y="26" font-family="sans-serif" font-size="16" fill="#fff" text-anchor="middle">Alpine &amp; Co.</text></svg>""",
    }));
}
