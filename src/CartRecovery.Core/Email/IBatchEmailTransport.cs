namespace CartRecovery.Core.Email;

/// <summary>
/// An optional capability of an <see cref="IEmailTransport"/>: handing many emails over in few calls (Postmark takes up
/// to 500 per request). The dispatcher sends each claimed batch through it; transports without it get one call per email.
/// </summary>
public interface IBatchEmailTransport
{
    /// <summary>
    /// Sends the emails and answers one outcome per email, in order. Never throws for a refused email or call: each
    /// outcome carries its own <see cref="EmailSendException"/>.
    /// </summary>
    Task<IReadOnlyList<EmailSendOutcome>> SendBatchAsync(IReadOnlyList<EmailMessage> messages, CancellationToken ct);
}

/// <summary>What happened to one email of a batch: the provider's id, or why it was not accepted.</summary>
/// <param name="MessageId">Our <see cref="EmailMessage.MessageId"/>.</param>
/// <param name="ProviderMessageId">The provider's id when it accepted the email.</param>
/// <param name="Error">Why the email was not accepted; <see cref="EmailSendException.IsTransient"/> says whether to retry.</param>
public sealed record EmailSendOutcome(long MessageId, string? ProviderMessageId, EmailSendException? Error)
{
    public bool Succeeded => Error is null;
}
