using System.Globalization;
using CartRecovery.Core.Messages;
using CartRecovery.Core.Sequences;

namespace CartRecovery.Core.Sms;

/// <summary>
/// Records the provider's status reports on our text: the latest state (never moving backwards), the delivery time,
/// and the error of a text that did not arrive. The message is the one our signed callback URL names; a report whose
/// provider id is not that message's is ignored, so a provider id can never reach another store's message. A report
/// that the recipient unsubscribed at the provider (Twilio 21610) stops the store texting the number.
/// </summary>
public sealed class SmsStatusReports(IMessageRepository messages, SmsOptOuts optOuts, TimeProvider time)
{
    /// <summary>Twilio's error code for a recipient who replied STOP to the sender.</summary>
    public const int UnsubscribedRecipient = 21610;

    /// <summary>Applies one report; false when it names no text of ours or changes nothing.</summary>
    public async Task<bool> RecordAsync(long messageId, string providerMessageId, string status, int? errorCode, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(providerMessageId);
        if (!SmsProviderStatus.IsKnown(status))
            return false;
        var message = await messages.GetAsync(messageId, ct);
        if (message is not { Kind: StepKind.Sms } || (message.ProviderMessageId is { } known && known != providerMessageId))
            return false;

        var now = time.GetUtcNow();
        var error = SmsProviderStatus.IsFailure(status)
            ? string.Create(CultureInfo.InvariantCulture, $"the provider reported the text {status}{(errorCode is { } code ? $" (error {code})" : "")}")
            : null;
        var changed = await messages.RecordProviderStatusAsync(messageId, status, SmsProviderStatus.Replaces(status), error, ct);
        if (changed && status == SmsProviderStatus.Delivered)
            await messages.RecordDeliveredAsync(messageId, now, ct);
        if (errorCode == UnsubscribedRecipient && message.Recipient is { } number)
            await optOuts.ProviderReportedOptOutAsync(message.StoreId, number, ct);
        return changed;
    }
}
