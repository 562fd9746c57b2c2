namespace CartRecovery.Core.Sms;

/// <summary>
/// The GSM 03.38 default alphabet and its extension table (3GPP TS 23.038, section 6.2.1). An extension character
/// travels as ESC + itself, so it costs two septets.
/// </summary>
public static class SmsAlphabet
{
    // The 128 characters of the default table, in table order; ESC (0x1B) is left out: it only introduces the extension.
    private const string Basic =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
        "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    // Form feed, ^ { } \ [ ~ ] | €: the extension characters every handset shows.
    private const string Extension = "\f^{}\\[~]|€";

    private static readonly HashSet<char> BasicSet = [.. Basic];
    private static readonly HashSet<char> ExtensionSet = [.. Extension];

    /// <summary>Septets the character costs in GSM-7: 1 in the default table, 2 in the extension table, 0 when it has no GSM-7 form.</summary>
    public static int Septets(char c) => BasicSet.Contains(c) ? 1 : ExtensionSet.Contains(c) ? 2 : 0;

    /// <summary>Whether every character of <paramref name="text"/> has a GSM-7 form.</summary>
    public static bool IsGsm7(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var c in text)
        {
            if (Septets(c) == 0)
                return false;
        }
        return true;
    }
}
