using System.Globalization;
using System.Security.Cryptography;
using CartRecovery.Core.Accounts;
using CartRecovery.Core.Email;
using CartRecovery.Core.Recovery;
using CartRecovery.Web.Pages;
using Microsoft.Extensions.Options;

namespace CartRecovery.Web.Features.SignIn;

/// <summary>
/// The emails people get from the app itself (not from a shop): sign-in links and invitations, in English or French,
/// through the configured transport (in pickup mode they land as .eml files in the pickup folder).
/// </summary>
internal sealed partial class AccountEmails(IEmailTransport transport, IOptions<AccountsOptions> options, RecoveryOptions recovery,
    ILogger<AccountEmails> logger)
{
    /// <summary>Sends; a transport failure is logged, not thrown: the page answers the same whether or not a mail left.</summary>
    public Task<bool> SendSignInLinkAsync(string to, Uri link, string language, CancellationToken ct)
    {
        var texts = SignInTexts.For(language);
        return SendAsync(to, texts.SignInEmailSubject, texts, texts.SignInEmailText, link, texts.SignInButton, texts.SignInEmailIgnore, "sign-in", ct);
    }

    public Task<bool> SendInvitationAsync(string to, Account account, AccountRole role, double days, Uri link, string language, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        var texts = SignInTexts.For(language);
        var text = string.Format(CultureInfo.InvariantCulture, texts.InvitationEmailText, account.Name, texts.Role(role).ToLowerInvariant(),
            days.ToString(CultureInfo.InvariantCulture));
        return SendAsync(to, string.Format(CultureInfo.InvariantCulture, texts.InvitationEmailSubject, account.Name), texts, text, link,
            texts.InvitationEmailButton, null, "invitation", ct);
    }

    /// <summary>A notice about one of the person's shops (a feed alarm); false when the transport refused it (logged).</summary>
    public Task<bool> SendNoticeAsync(string to, string subject, string text, Uri link, string button, string language, string tag, CancellationToken ct) =>
        SendAsync(to, subject, SignInTexts.For(language), text, link, button, null, tag, ct);

    private async Task<bool> SendAsync(string to, string subject, SignInTexts texts, string text, Uri link, string button, string? footer, string tag,
        CancellationToken ct)
    {
        var html = $"""
            <!doctype html>
            <html lang="{texts.Language}"><body style="margin:0;padding:24px;background:#f5f7fa;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;color:#1f2933">
            <div style="max-width:520px;margin:0 auto;background:#fff;border-radius:12px;padding:32px">
            <p style="margin:0 0 16px;font-size:16px">{HtmlPage.Encode(texts.Hello)}</p>
            <p style="margin:0 0 24px;font-size:16px;line-height:1.5">{HtmlPage.Encode(text)}</p>
            <p style="margin:0 0 24px"><a href="{HtmlPage.Encode(link.AbsoluteUri)}" style="display:inline-block;padding:12px 22px;border-radius:8px;background:#1f6feb;color:#fff;text-decoration:none;font-size:16px">{HtmlPage.Encode(button)}</a></p>
            <p style="margin:0 0 8px;font-size:13px;color:#616e7c;overflow-wrap:anywhere">{HtmlPage.Encode(link.AbsoluteUri)}</p>
            {(footer is null ? "" : $"""<p style="margin:16px 0 0;font-size:13px;color:#616e7c">{HtmlPage.Encode(footer)}</p>""")}
            </div></body></html>
            """;
        var plain = $"{texts.Hello}\n\n{text}\n\n{button}: {link.AbsoluteUri}\n" + (footer is null ? "" : $"\n{footer}\n");
        var host = recovery.PublicBaseUrl.Host;
        var from = string.IsNullOrWhiteSpace(options.Value.FromAddress) ? $"no-reply@{host}" : options.Value.FromAddress.Trim();
        var message = new EmailMessage
        {
            MessageId = EmailMessage.NewUnstoredId(),
            FromAddress = from,
            FromName = options.Value.FromName,
            To = to,
            Subject = subject,
            HtmlBody = html,
            TextBody = plain,
            InternetMessageId = $"{Guid.NewGuid():N}@{host}",
            // A sign-in link or an invitation is not a list: no List-Unsubscribe headers.
            UnsubscribeUrl = null,
            Tag = tag,
        };
        try
        {
            await transport.SendAsync(message, ct);
            return true;
        }
        catch (EmailSendException error)
        {
            Log.SendFailed(logger, tag, error.Message);
            return false;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(4601, LogLevel.Error, "The {Tag} email could not be sent: {Reason}")]
        public static partial void SendFailed(ILogger logger, string tag, string reason);
    }
}
