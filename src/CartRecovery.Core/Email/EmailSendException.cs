namespace CartRecovery.Core.Email;

/// <summary>A transport failure. Transient failures are retried; a suppressed recipient is never retried.</summary>
public sealed class EmailSendException : Exception
{
    public EmailSendException(string message, bool isTransient, bool recipientSuppressed = false, Exception? inner = null,
        bool credentialsRejected = false)
        : base(message, inner)
    {
        IsTransient = isTransient;
        RecipientSuppressed = recipientSuppressed;
        CredentialsRejected = credentialsRejected;
    }

    public bool IsTransient { get; }

    /// <summary>The provider says this address must not be emailed (hard bounce, complaint, unsubscribe).</summary>
    public bool RecipientSuppressed { get; }

    /// <summary>
    /// The provider refused our credentials (a revoked server token, a wrong SMTP password): no message can go out until
    /// a person fixes it, so the store's sending pauses and its messages wait instead of failing one by one.
    /// </summary>
    public bool CredentialsRejected { get; }
}
