namespace CartRecovery.Core.Sms;

/// <summary>Hands a text to a delivery channel (Twilio, a pickup folder).</summary>
public interface ISmsTransport
{
    /// <summary>Sends the text and returns the provider's receipt.</summary>
    /// <exception cref="SmsSendException">The provider refused or failed; see <see cref="SmsSendException.IsTransient"/>.</exception>
    Task<SmsReceipt> SendAsync(SmsMessage message, CancellationToken ct);

    /// <summary>The provider's current view of a text it took earlier, or null when it does not know the id.</summary>
    Task<SmsReceipt?> FindAsync(string providerMessageId, CancellationToken ct);
}
