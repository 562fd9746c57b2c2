namespace CartRecovery.Core.Email;

/// <summary>A transport failure. Transient failures are retried; a suppressed recipient is never retried.</summary>
public sealed class EmailSendException : Exception
{
    public EmailSendException(string message, bool isTransient, bool recipientSuppressed = false, Exception? inner = null)
        : base(message, inner)
    {
        IsTransient = isTransient;
        RecipientSuppressed = recipientSuppressed;
    }

    public bool IsTransient { get; }

    /// <summary>The provider says this address must not be emailed (hard bounce, complaint, unsubscribe).</summary>
    public bool RecipientSuppressed { get; }
}
