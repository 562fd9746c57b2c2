using System.Globalization;

namespace CartRecovery.Connectors.Demo;

/// <summary>The demo shop's two languages, and the culture that formats its prices (the one emails use).</summary>
public static class DemoShopLanguage
{
    public const string English = "en";
    public const string French = "fr";

    /// <summary>"fr", "fr-FR", "FR" → "fr"; anything else → "en".</summary>
    public static string Normalize(string? locale) =>
        locale?.Trim().Split('-', '_')[0].Equals(French, StringComparison.OrdinalIgnoreCase) == true ? French : English;

    /// <summary>The neutral culture of the language, as emails use it ("fr", not "fr-CH").</summary>
    public static CultureInfo Culture(string language) => CultureInfo.GetCultureInfo(Normalize(language));
}
