namespace CartRecovery.Core.Sms;

/// <summary>
/// The states a provider reports for a text, in the order a text goes through them
/// (https://www.twilio.com/docs/messaging/api/message-resource#message-status-values). Callbacks may arrive out of
/// order (a "delivered" before its "sent"), so a report only replaces an earlier state, never a later one; the final
/// states (delivered, undelivered, failed, canceled) are never replaced.
/// </summary>
public static class SmsProviderStatus
{
    public const string Delivered = "delivered";
    public const string Undelivered = "undelivered";
    public const string Failed = "failed";

    private static readonly Dictionary<string, int> Order = new(StringComparer.Ordinal)
    {
        ["accepted"] = 0, ["scheduled"] = 0, ["queued"] = 0,
        ["sending"] = 1,
        ["sent"] = 2,
        [Delivered] = 3, [Undelivered] = 3, [Failed] = 3, ["canceled"] = 3,
    };

    /// <summary>Whether <paramref name="status"/> is one of the documented outbound states (lower case, as Twilio sends them).</summary>
    public static bool IsKnown(string? status) => status is not null && Order.ContainsKey(status);

    /// <summary>The states <paramref name="status"/> may replace: those strictly before it (a final state replaces none of its peers).</summary>
    public static IReadOnlyList<string> Replaces(string status)
    {
        var rank = Order.TryGetValue(status, out var r) ? r : throw new ArgumentException($"Unknown SMS status '{status}'.", nameof(status));
        return [.. Order.Where(s => s.Value < rank).Select(s => s.Key)];
    }

    /// <summary>The text did not reach the handset.</summary>
    public static bool IsFailure(string status) => status is Undelivered or Failed;
}
