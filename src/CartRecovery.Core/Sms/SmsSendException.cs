namespace CartRecovery.Core.Sms;

/// <summary>
/// A text the provider refused or could not take. <see cref="ErrorCode"/> is the provider's code (Twilio: 21211 invalid
/// number, 21610 the recipient replied STOP, 21614 not a mobile number, 21408 region not enabled, 20429 too many requests).
/// </summary>
public sealed class SmsSendException : Exception
{
    public SmsSendException(string message, int? status, int? errorCode, bool isTransient, Exception? inner = null)
        : base(message, inner)
    {
        Status = status;
        ErrorCode = errorCode;
        IsTransient = isTransient;
    }

    public SmsSendException()
    {
    }

    public SmsSendException(string message) : base(message)
    {
    }

    public SmsSendException(string message, Exception inner) : base(message, inner)
    {
    }

    /// <summary>The HTTP status of the provider's answer, or null when there was none (timeout, connection refused).</summary>
    public int? Status { get; }

    public int? ErrorCode { get; }

    /// <summary>Worth retrying later (429, 5xx, no answer); a refusal of the text itself is not.</summary>
    public bool IsTransient { get; }

    /// <summary>The recipient opted out at the provider (Twilio 21610): suppress the number for the store.</summary>
    public bool RecipientOptedOut => ErrorCode == 21610;

    /// <summary>The number can never receive this store's texts (21211 invalid, 21614 not mobile, 21408 region off).</summary>
    public bool NumberUnusable => ErrorCode is 21211 or 21614 or 21408;
}
