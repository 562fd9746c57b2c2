namespace CartRecovery.Core.Email;

/// <summary>
/// An optional capability of an <see cref="IEmailTransport"/>: asking the delivery channel whether it already accepted
/// one of our messages. A dispatcher that died (or timed out) between handing a message over and recording it as sent
/// leaves a message the provider may have accepted; before sending it again, the next attempt asks. Transports that
/// cannot tell (plain SMTP) do not implement it, and such a message may go out twice.
/// </summary>
public interface ISentEmailLookup
{
    /// <summary>The provider's id of an accepted earlier send of our message, or null when it has none.</summary>
    /// <param name="messageId">Our message id (<see cref="EmailMessage.MessageId"/>).</param>
    /// <param name="messageStream">The stream the message was sent on (<see cref="EmailMessage.MessageStream"/>); null: the default.</param>
    /// <exception cref="EmailSendException">The provider could not be asked; the caller must not assume either answer.</exception>
    Task<string?> FindSentAsync(long messageId, string? messageStream, CancellationToken ct);
}
