using CartRecovery.Core.Email;

namespace CartRecovery.Email.Postmark.Sending;

/// <summary>
/// Maps Postmark's refusals to Core's <see cref="EmailSendException"/>. Texts use <see cref="Exception.Message"/> of the
/// API exception, which has addresses redacted, because they end up in <c>last_error</c> and in logs.
/// </summary>
internal static class PostmarkFailures
{
    public static EmailSendException ToEmailSendException(PostmarkApiException error, long messageId, string stream)
    {
        if (error.IsBadToken)
        {
            return Pause(error, $"Postmark rejected the server token ({PostmarkOptions.Section}:{nameof(PostmarkOptions.ServerToken)}): "
                + $"nothing can be sent through Postmark until it is replaced. Message {messageId} was not sent.");
        }
        if (error.IsInactiveRecipient)
        {
            return new EmailSendException($"Postmark has the recipient of message {messageId} on the suppression list of stream '{stream}' "
                + "(hard bounce, spam complaint or unsubscribe); it must not be emailed again.", isTransient: false, recipientSuppressed: true, inner: error);
        }
        if (error.IsTransient)
            return new EmailSendException($"Postmark could not take message {messageId} now: {error.Message}", isTransient: true, inner: error);

        // Refusals that no message can get past until a person changes something: the sending pauses instead of every
        // message failing one by one.
        return error.ErrorCode switch
        {
            PostmarkErrorCodes.SenderSignatureNotFound or PostmarkErrorCodes.SenderSignatureNotConfirmed => Pause(error,
                $"Postmark refused message {messageId}: the sender address is not a confirmed sender signature or on a verified domain. {error.Message}"),
            PostmarkErrorCodes.NotAllowedToSend or PostmarkErrorCodes.AccountMayNotSend => Pause(error,
                $"Postmark refused message {messageId}: the account may not send (credits or sending limits). {error.Message}"),
            PostmarkErrorCodes.MessageStreamNotFound or PostmarkErrorCodes.StreamTypeCannotSend => Pause(error,
                $"Postmark refused message {messageId}: {PostmarkOptions.Section}:{nameof(PostmarkOptions.MessageStream)} '{stream}' is not a sending stream of this server. {error.Message}"),
            _ => new EmailSendException($"Postmark refused message {messageId}: {error.Message}", isTransient: false, inner: error),
        };
    }

    private static EmailSendException Pause(PostmarkApiException error, string message) =>
        new(message, isTransient: false, inner: error, credentialsRejected: true);
}
