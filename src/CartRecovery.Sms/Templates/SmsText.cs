using System.Text;
using CartRecovery.Core.Sms;

namespace CartRecovery.Sms.Templates;

/// <summary>
/// What every recovery text must hold, added when the template left it out: the shop's name first (a commercial text
/// names its sender), the short link, and the opt-out mention last. Also keeps the text in GSM-7 where the template
/// did not mean otherwise: the non-breaking spaces of French money ("24,50 €") and typographic quotes would each switch
/// the whole text to UCS-2, which holds less than half as many characters per part.
/// </summary>
internal static class SmsText
{
    public static string Finish(string rendered, SmsModel model, string language)
    {
        var body = Plain(rendered).Trim();
        var shop = model.Store.Name.Trim();
        if (!body.Contains(shop, StringComparison.OrdinalIgnoreCase))
            body = $"{shop}: {body}";
        if (!body.Contains(model.ShortUrl, StringComparison.Ordinal))
            body = $"{body} {model.ShortUrl}";
        var mention = SmsOptOutMention.For(language, model.Settings);
        if (!body.EndsWith(mention, StringComparison.Ordinal))
            body = $"{body}\n{mention}";
        return body;
    }

    private static string Plain(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '\u00A0' or '\u202F' or '\u2009' => " ",
                '\u2018' or '\u2019' => "'",
                '\u201C' or '\u201D' => "\"",
                '\u2013' or '\u2014' => "-",
                '\u2026' => "...",
                '\r' => "",
                _ => c.ToString(),
            });
        }
        return builder.ToString();
    }
}
