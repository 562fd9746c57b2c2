using System.Text.Json;
using CartRecovery.Core.Reasons;

namespace CartRecovery.Connectors.WooCommerce.Capture;

/// <summary>
/// What the capture script's exit question says, in English and French (the reasons read as they do in the first
/// email's links): baked into the script as JSON when the store switched the question on, <c>null</c> otherwise. The
/// script speaks the page's language (<c>&lt;html lang&gt;</c>), else the store's.
/// </summary>
internal static class ExitQuestionWords
{
    public static string ScriptConfig(bool on, string storeLocale)
    {
        if (!on)
            return "null";
        return JsonSerializer.Serialize(new
        {
            locale = storeLocale,
            en = Texts("en", "Before you go — what stopped you?", "Close", "Thank you! That helps us."),
            fr = Texts("fr", "Avant de partir\u00a0: qu'est-ce qui vous a retenu\u00a0?", "Fermer", "Merci\u00a0! Cela nous aide."),
        });
    }

    private static object Texts(string locale, string title, string close, string thanks) => new
    {
        title,
        close,
        thanks,
        reasons = LeaveReasonSlugs.All.Select(r => new { r = LeaveReasonSlugs.Slug(r), label = LeaveReasonWords.Label(r, locale) }).ToArray(),
    };
}
