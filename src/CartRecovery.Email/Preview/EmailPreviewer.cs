using CartRecovery.Core.Email;
using CartRecovery.Core.Recovery;
using CartRecovery.Email.Mime;
using Microsoft.Extensions.Options;

namespace CartRecovery.Email.Preview;

/// <summary>
/// Renders a recovery email exactly as it would be sent, without sending it: the same composer, the same
/// <see cref="EmailMessage"/> the dispatcher builds and the same MIME factory the pickup and SMTP transports use.
/// </summary>
public sealed class EmailPreviewer
{
    private readonly IEmailComposer _composer;
    private readonly string _messageIdDomain;
    private readonly TimeProvider _time;

    public EmailPreviewer(IEmailComposer composer, IOptions<RecoveryOptions> recovery, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(composer);
        ArgumentNullException.ThrowIfNull(recovery);
        ArgumentNullException.ThrowIfNull(time);
        _composer = composer;
        _messageIdDomain = recovery.Value.PublicBaseUrl.Host;
        _time = time;
    }

    /// <exception cref="InvalidOperationException">The template is unknown or fails to render.</exception>
    /// <exception cref="EmailSendException">The store's sender address or the unsubscribe URL is unusable: the real send would fail the same way.</exception>
    public async Task<EmailPreview> PreviewAsync(EmailModel model, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        var content = await _composer.ComposeAsync(model, ct);
        var mime = MimeMessageFactory.Create(RecoveryEmail.Create(model, content, _messageIdDomain), _time.GetUtcNow());
        return new EmailPreview(content, MimeMessageFactory.Headers(mime));
    }
}
