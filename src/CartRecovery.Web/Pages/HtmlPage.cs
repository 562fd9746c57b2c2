using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;

namespace CartRecovery.Web.Pages;

/// <summary>
/// The small pages customers see (restore, unsubscribe, the demo shop): one calm layout, inline CSS, no scripts.
/// Callers pass body HTML built with <see cref="Encode"/> for every value that came from outside.
/// </summary>
internal static class HtmlPage
{
    // The one style block of every page. The Content-Security-Policy allows exactly this text by its hash (no
    // 'unsafe-inline'), so an injected <style> or style attribute does nothing.
    private const string Css = """
        body { margin: 0; font: 16px/1.5 -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; color: #1f2933; background: #f5f7fa; }
        main { max-width: 560px; margin: 48px auto; padding: 32px; background: #fff; border-radius: 12px; box-shadow: 0 1px 3px rgba(0,0,0,.08); }
        h1 { font-size: 24px; margin: 0 0 12px; }
        p { margin: 0 0 16px; }
        a.button, button { display: inline-block; padding: 12px 22px; border: 0; border-radius: 8px; background: #1f6feb; color: #fff; font-size: 16px; text-decoration: none; cursor: pointer; }
        .muted { color: #616e7c; font-size: 14px; }
        table { width: 100%; border-collapse: collapse; margin: 0 0 16px; }
        td { padding: 8px 0; border-bottom: 1px solid #e4e7eb; vertical-align: middle; }
        td.num { text-align: right; white-space: nowrap; }
        img.thumb { width: 48px; height: 48px; border-radius: 6px; margin-right: 12px; vertical-align: middle; }
        .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: 16px; }
        .summary { grid-template-columns: repeat(2, minmax(0, 1fr)); margin: 0 0 16px; }
        .tile { padding: 16px; border: 1px solid #e4e7eb; border-radius: 8px; }
        .tile strong { display: block; margin-top: 4px; font-size: 24px; overflow-wrap: anywhere; }
        .code { font-family: ui-monospace, Menlo, monospace; background: #fff3c4; padding: 2px 6px; border-radius: 4px; overflow-wrap: anywhere; }
        """;

    /// <summary>The CSP source that allows <see cref="Css"/>: <c>'sha256-…'</c> of its UTF-8 bytes.</summary>
    public static readonly string StyleSource =
        $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Css)))}'";

    public static string Encode(string? value) => HtmlEncoder.Default.Encode(value ?? "");

    /// <summary>
    /// The page; <paramref name="headHtml"/> adds trusted markup to the head (the embedded app's App Bridge tags) and
    /// <paramref name="lang"/> names the page's language.
    /// </summary>
    public static IResult Render(string title, string bodyHtml, int statusCode = StatusCodes.Status200OK, string lang = "en", string headHtml = "") =>
        Results.Content($$"""
            <!doctype html>
            <html lang="{{Encode(lang)}}">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <meta name="robots" content="noindex">
              {{headHtml}}
              <title>{{Encode(title)}}</title>
              <style>{{Css}}</style>
            </head>
            <body><main>
            {{bodyHtml}}
            </main></body>
            </html>
            """, "text/html; charset=utf-8", statusCode: statusCode);
}
