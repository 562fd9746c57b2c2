namespace CartRecovery.Core.Email;

/// <summary>Hands a composed email to a delivery channel (pickup folder, SMTP, Postmark).</summary>
public interface IEmailTransport
{
    /// <summary>Sends the email and returns the provider's id for it, if it has one.</summary>
    /// <exception cref="EmailSendException">The transport refused or failed; see <see cref="EmailSendException.IsTransient"/>.</exception>
    Task<string?> SendAsync(EmailMessage message, CancellationToken ct);
}
