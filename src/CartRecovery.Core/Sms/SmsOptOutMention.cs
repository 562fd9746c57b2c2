namespace CartRecovery.Core.Sms;

/// <summary>
/// The opt-out mention every commercial text ends with, in the text's language. France: "STOP au" followed by the number
/// that takes the reply (the operators' charter and the CNIL ask for a free way to stop in each message); with a
/// Messaging Service the sender is chosen by Twilio, so the mention asks for a reply without a number. Elsewhere the
/// carriers' usual "Reply STOP to opt out". Twilio acts on the reply itself (Advanced Opt-Out) and so do we
/// (<see cref="SmsOptOuts"/>).
/// </summary>
public static class SmsOptOutMention
{
    public static string For(string language, SmsSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!string.Equals(language, "fr", StringComparison.OrdinalIgnoreCase))
            return "Reply STOP to opt out";
        return settings.MessagingServiceSid is null && ReplyNumber(settings.FromNumber) is { } number
            ? $"STOP au {number}"
            : "Répondez STOP pour ne plus recevoir de SMS";
    }

    // A short code (36179) as is; a French mobile or fixed number the way people dial it at home (0612345678).
    private static string? ReplyNumber(string? from)
    {
        var value = from?.Trim();
        if (string.IsNullOrEmpty(value))
            return null;
        if (value.All(char.IsAsciiDigit))
            return value;
        if (value.StartsWith("+33", StringComparison.Ordinal) && value.Length == 12 && value[1..].All(char.IsAsciiDigit))
            return "0" + value[3..];
        return value.StartsWith('+') && value[1..].All(char.IsAsciiDigit) ? value : null;
    }
}
