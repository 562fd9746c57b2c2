using System.Net.Sockets;
using System.Text.RegularExpressions;
using CartRecovery.Core.Email;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace CartRecovery.Email.Smtp;

/// <summary>
/// Turns what MailKit throws into the one exception callers understand. The rule is who can fix it: the network
/// or a busy relay (retry), the recipient's server saying the address does not exist (suppress), or our own
/// configuration (fail now, so a person looks at it instead of retrying all day).
/// </summary>
internal static partial class SmtpFailure
{
    /// <returns>The exception to throw, or null when <paramref name="error"/> is not a delivery failure (a bug: let it through).</returns>
    public static EmailSendException? From(Exception error, long messageId) => error switch
    {
        SmtpCommandException command => FromCommand(command, messageId),
        AuthenticationException or ServiceNotAuthenticatedException => new EmailSendException(
            $"The SMTP server refused our login for message {messageId}; check {Key(nameof(SmtpOptions.Username))} and {Key(nameof(SmtpOptions.Password))}.",
            isTransient: false, inner: error),
        // A certificate we do not trust, STARTTLS or AUTH the relay does not offer: settings to fix, which retrying
        // would only repeat.
        SslHandshakeException => new EmailSendException(
            $"TLS with the SMTP server failed for message {messageId}: {Redact(error.Message)} Check {Key(nameof(SmtpOptions.Security))} and the relay's certificate.",
            isTransient: false, inner: error),
        NotSupportedException => new EmailSendException(
            $"The SMTP server does not support what our settings ask for (message {messageId}): {Redact(error.Message)} Check {Key(nameof(SmtpOptions.Security))} and {Key(nameof(SmtpOptions.Username))}.",
            isTransient: false, inner: error),
        ProtocolException or ServiceNotConnectedException or SocketException or IOException or TimeoutException => new EmailSendException(
            $"Could not reach the SMTP server for message {messageId}: {Redact(error.Message)}", isTransient: true, inner: error),
        _ => null,
    };

    /// <summary>The relay did not answer within <see cref="SmtpOptions.Timeout"/>.</summary>
    public static EmailSendException TimedOut(long messageId, TimeSpan timeout, Exception inner) =>
        new($"The SMTP server did not complete message {messageId} within {timeout} ({Key(nameof(SmtpOptions.Timeout))}).", isTransient: true, inner: inner);

    private static EmailSendException FromCommand(SmtpCommandException error, long messageId)
    {
        var status = (int)error.StatusCode;
        var text = $"The SMTP server answered {status} to message {messageId} ({Stage(error.ErrorCode)}): {Redact(error.Message)}";

        // 4xx is "try again later" by definition (RFC 5321 4.2.1): greylisting, a full queue, a rate limit.
        if (status is >= 400 and < 500)
            return new EmailSendException(text, isTransient: true, inner: error);

        // On RCPT these three say the mailbox does not exist or will never take mail from us; sending again would
        // hurt our reputation, so the address is suppressed. Other 5xx (a full mailbox, a policy block of the
        // whole message) are permanent for this message only.
        var recipientGone = error.ErrorCode == SmtpErrorCode.RecipientNotAccepted && status is 550 or 551 or 553;
        return new EmailSendException(text, isTransient: false, recipientSuppressed: recipientGone, inner: error);
    }

    private static string Stage(SmtpErrorCode code) => code switch
    {
        SmtpErrorCode.RecipientNotAccepted => "recipient refused",
        SmtpErrorCode.SenderNotAccepted => "sender refused",
        SmtpErrorCode.MessageNotAccepted => "message refused",
        _ => "unexpected reply",
    };

    // Relays echo the address they refuse ("<anna@example.com>: Recipient address rejected"), and these texts end
    // up in last_error and logs, where addresses must not.
    private static string Redact(string text) => Address().Replace(text, "[address]");

    private static string Key(string property) => $"{SmtpOptions.Section}:{property}";

    [GeneratedRegex(@"[^\s<>()\[\],;:""']+@[^\s<>()\[\],;:""']+")]
    private static partial Regex Address();
}
