namespace CartRecovery.Core.Sms;

/// <summary>
/// Reads an inbound text's keyword: the whole body, trimmed, any case, with or without accents and trailing punctuation
/// ("Stop.", "arrêt"). A sentence that merely contains the word is not a keyword, as with Twilio's own matching.
/// </summary>
public static class SmsKeywords
{
    private static readonly HashSet<string> Stops = new(StringComparer.OrdinalIgnoreCase)
    {
        "STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "ARRET", "ARRÊT", "STOP SMS",
    };

    private static readonly HashSet<string> Starts = new(StringComparer.OrdinalIgnoreCase) { "START", "YES", "UNSTOP" };

    public static SmsKeyword Read(string? body)
    {
        var word = (body ?? "").Trim().TrimEnd('.', '!', ' ');
        return Stops.Contains(word) ? SmsKeyword.Stop : Starts.Contains(word) ? SmsKeyword.Start : SmsKeyword.None;
    }
}
