using System.Globalization;
using System.Text;

namespace CartRecovery.Core.Stores;

/// <summary>
/// Names shown to customers (a store's name, the sender's name in the From header): one line of visible text. Control
/// characters (CR/LF, NUL, ESC...), line and paragraph separators and bidirectional overrides would break a header or
/// make a name read as something else.
/// </summary>
public static class DisplayText
{
    /// <summary>True when <paramref name="text"/> holds a character a display name must not contain.</summary>
    public static bool HasForbiddenCharacters(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var c in text)
            if (IsForbidden(c))
                return true;
        return false;
    }

    /// <summary>
    /// The text with each forbidden character replaced by a space and the ends trimmed: for names a platform reports,
    /// which are taken as given rather than refused.
    /// </summary>
    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!HasForbiddenCharacters(text))
            return text;
        var clean = new StringBuilder(text.Length);
        foreach (var c in text)
            clean.Append(IsForbidden(c) ? ' ' : c);
        return clean.ToString().Trim();
    }

    private static bool IsForbidden(char c) =>
        char.IsControl(c)
        || char.GetUnicodeCategory(c) is UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
        || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';
}
