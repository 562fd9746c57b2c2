using CartRecovery.Core.Email;

namespace CartRecovery.Email.Postmark.Sending;

/// <summary>What happened to one message of <see cref="PostmarkTransport.SendBatchAsync"/>: Postmark's id, or why it failed.</summary>
/// <param name="MessageId">Our <see cref="EmailMessage.MessageId"/>.</param>
/// <param name="ProviderMessageId">Postmark's MessageID when it accepted the message.</param>
/// <param name="Error">Why the message was not accepted; <see cref="EmailSendException.IsTransient"/> says whether to retry.</param>
internal sealed record PostmarkSendOutcome(long MessageId, string? ProviderMessageId, EmailSendException? Error)
{
    public bool Succeeded => Error is null;
}
