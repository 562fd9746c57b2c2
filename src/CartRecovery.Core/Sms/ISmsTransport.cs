namespace CartRecovery.Core.Sms;

/// <summary>Hands a text to a delivery channel (Twilio, a pickup folder).</summary>
public interface ISmsTransport
{
    /// <summary>Sends the text and returns the provider's receipt.</summary>
    /// <exception cref="SmsSendException">The provider refused or failed; see <see cref="SmsSendException.IsTransient"/>.</exception>
    Task<SmsReceipt> SendAsync(SmsMessage message, CancellationToken ct);

    /// <summary>The provider's current view of a text it took earlier, or null when it does not know the id.</summary>
    Task<SmsReceipt?> FindAsync(string providerMessageId, CancellationToken ct);

    /// <summary>
    /// The provider's receipt of an earlier send of our message <see cref="SmsMessage.MessageId"/> to
    /// <see cref="SmsMessage.To"/>, found by <paramref name="marker"/> (text only that message carries: its short link's
    /// fixed part), or null when the provider took no such text. <see cref="SmsMessage.Body"/> is not used.
    /// </summary>
    /// <exception cref="SmsSendException">The provider could not be asked; the caller must not assume either answer.</exception>
    Task<SmsReceipt?> FindSentAsync(SmsMessage message, string marker, CancellationToken ct);
}
