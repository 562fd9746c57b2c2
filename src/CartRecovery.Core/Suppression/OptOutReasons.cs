namespace CartRecovery.Core.Suppression;

/// <summary>
/// The reasons the app itself records when it opts an address out (<see cref="OptOut"/>), kept in English as the API has
/// always shown them; the pages word them in their own language. A merchant's own reason is kept as typed.
/// </summary>
public static class OptOutReasons
{
    /// <summary>The customer used the unsubscribe link of an email.</summary>
    public const string Unsubscribed = "unsubscribed";

    /// <summary>The merchant added the address to the suppression list without a reason.</summary>
    public const string AddedByMerchant = "added by the merchant";

    /// <summary>The email provider refused a send because it deactivated the address.</summary>
    public const string ProviderInactive = "the email provider reports the address as inactive";

    /// <summary>A send found the address suppressed (the opt-out closes what is still open).</summary>
    public const string Suppressed = "the address is suppressed";

    /// <summary>
    /// What an email provider's webhook reported, e.g. <c>postmark: Bounce HardBounce</c>: the provider's name, its
    /// record type and the provider's own detail (bounce type or suppression reason), when it gives one.
    /// </summary>
    public static string FromProvider(string provider, string record, string? detail) => $"{provider}: {record} {detail}".Trim();

    /// <summary>Reads a reason written by <see cref="FromProvider"/>; false for any other reason.</summary>
    public static bool TryReadProvider(string reason, out string provider, out string record, out string? detail)
    {
        ArgumentNullException.ThrowIfNull(reason);
        (provider, record, detail) = ("", "", null);
        var colon = reason.IndexOf(": ", StringComparison.Ordinal);
        if (colon <= 0 || reason.AsSpan(0, colon).ContainsAny(' ', '\t'))
            return false;
        var words = reason[(colon + 2)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is 0 or > 2)
            return false;
        (provider, record, detail) = (reason[..colon], words[0], words.Length > 1 ? words[1] : null);
        return true;
    }
}
