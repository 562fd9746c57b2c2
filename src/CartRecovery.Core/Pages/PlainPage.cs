using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;

namespace CartRecovery.Core.Pages;

/// <summary>
/// The frame of the small pages people see outside the app (restore, unsubscribe, a connector's install or connect
/// answer): one calm layout, one inline style block, no scripts. The host and the connectors render through it, so
/// the Content-Security-Policy allows exactly one style by its hash (<see cref="StyleSource"/>). Callers pass body
/// HTML built with <see cref="Encode"/> for every value that came from outside.
/// </summary>
public static class PlainPage
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
        form { margin: 0 0 16px; }
        label { display: block; font-weight: 600; margin: 0 0 6px; }
        input[type=email], select { box-sizing: border-box; width: 100%; padding: 10px 12px; margin: 0 0 16px; border: 1px solid #c1c7d0; border-radius: 8px; font: inherit; background: #fff; }
        form.inline { display: inline-block; margin: 0 8px 8px 0; }
        button.secondary { background: #fff; color: #1f2933; border: 1px solid #c1c7d0; padding: 9px 16px; font-size: 14px; }
        .error { color: #b42318; margin: -8px 0 16px; }
        .bar { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: baseline; gap: 8px; border-bottom: 1px solid #e4e7eb; padding: 0 0 16px; margin: 0 0 20px; }
        .bar h1 { margin: 0; }
        .badge { display: inline-block; padding: 2px 10px; border-radius: 10px; background: #e4e7eb; font-size: 13px; }
        .badge.ok { background: #d3f5e1; color: #0b6b3a; }
        th { text-align: left; font-size: 13px; color: #616e7c; font-weight: 600; padding: 8px 0; border-bottom: 1px solid #e4e7eb; }
        section { margin: 0 0 24px; }
        h2 { font-size: 17px; margin: 0 0 8px; }
        """;

    /// <summary>The CSP source that allows the page's style block: <c>'sha256-…'</c> of its UTF-8 bytes.</summary>
    public static readonly string StyleSource =
        $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Css)))}'";

    /// <summary>The content type of <see cref="Document"/>.</summary>
    public const string ContentType = "text/html; charset=utf-8";

    public static string Encode(string? value) => HtmlEncoder.Default.Encode(value ?? "");

    /// <summary>
    /// The whole document. <paramref name="headHtml"/> adds trusted markup to the head (the embedded app's App Bridge
    /// tags), <paramref name="lang"/> names the page's language and <paramref name="extraCss"/> is a second style block,
    /// which the caller allows by its hash and builds from checked values only.
    /// </summary>
    public static string Document(string title, string bodyHtml, string lang = "en", string headHtml = "", string? extraCss = null) =>
        $$"""
            <!doctype html>
            <html lang="{{Encode(lang)}}">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <meta name="robots" content="noindex">
              {{headHtml}}
              <title>{{Encode(title)}}</title>
              <style>{{Css}}</style>{{(extraCss is null ? "" : $"<style>{extraCss}</style>")}}
            </head>
            <body><main>
            {{bodyHtml}}
            </main></body>
            </html>
            """;
}
