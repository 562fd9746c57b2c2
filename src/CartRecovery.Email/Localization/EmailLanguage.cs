using System.Globalization;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Stores;

namespace CartRecovery.Email.Localization;

/// <summary>Picks the language of an email and the culture that formats its money and dates.</summary>
internal static class EmailLanguage
{
    /// <summary>Every template exists in English, so it is what everyone else falls back to.</summary>
    public const string Default = "en";

    /// <summary>
    /// The customer's language when we have the template in it, else the store's, else English. The customer's own
    /// setting wins because it is what their browser or account said; a customer without one (or with one we
    /// don't write) shopped in the store's language, which beats English for a French shop's German visitor.
    /// </summary>
    public static string Choose(Cart cart, Store store, Func<string, bool> hasTemplateIn)
    {
        ArgumentNullException.ThrowIfNull(cart);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(hasTemplateIn);
        foreach (var locale in new[] { cart.Contact.Locale, store.Locale })
        {
            if (Normalize(locale) is { } language && (language == Default || hasTemplateIn(language)))
                return language;
        }
        return Default;
    }

    /// <summary>"fr-FR", "fr_CA", " FR " → "fr"; null when blank or not a language code.</summary>
    public static string? Normalize(string? locale)
    {
        if (string.IsNullOrWhiteSpace(locale))
            return null;
        var language = locale.Trim().Split('-', '_')[0].ToLowerInvariant();
        return language.Length is 2 or 3 && language.All(char.IsAsciiLetterLower) ? language : null;
    }

    /// <summary>The neutral culture of the language ("fr", not "fr-CH"): a cart says how to talk, not how its owner groups digits.</summary>
    public static CultureInfo Culture(string language)
    {
        try
        {
            return CultureInfo.GetCultureInfo(language);
        }
        catch (CultureNotFoundException)
        {
            return CultureInfo.GetCultureInfo(Default);
        }
    }
}
