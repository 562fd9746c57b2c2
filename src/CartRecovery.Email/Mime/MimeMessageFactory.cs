using CartRecovery.Core.Email;
using MimeKit;

namespace CartRecovery.Email.Mime;

/// <summary>
/// Builds the RFC 5322 message every MIME-speaking transport sends (the pickup folder and SMTP) and the preview
/// shows, so the headers that keep mail out of spam folders are written in one place.
/// </summary>
internal static class MimeMessageFactory
{
    public const string HeaderPrefix = "X-CartRecovery-";

    /// <exception cref="EmailSendException">An address or the unsubscribe URL is unusable (not transient).</exception>
    public static MimeMessage Create(EmailMessage email, DateTimeOffset date)
    {
        Uri? unsubscribe = null;
        if (email.UnsubscribeUrl is not null
            && (!Uri.TryCreate(email.UnsubscribeUrl, UriKind.Absolute, out unsubscribe)
                || (unsubscribe.Scheme != Uri.UriSchemeHttps && unsubscribe.Scheme != Uri.UriSchemeHttp)))
            throw new EmailSendException($"Message {email.MessageId} has an unsubscribe URL that is not absolute http(s).", isTransient: false);

        var message = new MimeMessage
        {
            MessageId = email.InternetMessageId,
            Date = date,
            Subject = email.Subject,
            Body = new BodyBuilder { TextBody = email.TextBody, HtmlBody = email.HtmlBody }.ToMessageBody(),
        };
        KeepTextLinesWhole(message);
        message.From.Add(Mailbox(email.FromName, email.FromAddress, "sender", email.MessageId));
        message.To.Add(Mailbox(email.ToName, email.To, "recipient", email.MessageId));
        if (!string.IsNullOrWhiteSpace(email.ReplyTo))
            message.ReplyTo.Add(Mailbox(null, email.ReplyTo, "reply-to", email.MessageId));

        // RFC 8058 one-click unsubscribe: mailbox providers POST "List-Unsubscribe=One-Click" to the URL. Gmail and
        // Yahoo require both headers from bulk senders. A transactional email has none.
        if (unsubscribe is not null)
        {
            message.Headers.Add("List-Unsubscribe", $"<{unsubscribe.AbsoluteUri}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        if (!string.IsNullOrWhiteSpace(email.Tag))
            message.Headers.Add(HeaderPrefix + "Tag", email.Tag);
        foreach (var (key, value) in email.Metadata)
            message.Headers.Add(HeaderPrefix + HeaderName(key), value);
        return message;
    }

    /// <summary>
    /// Quoted-printable (MimeKit's choice for UTF-8 text) folds every line at 76 characters with soft breaks, which cuts
    /// the restore and unsubscribe links of the text part in two for anyone reading it as it travels (a raw view, a
    /// plain-text reader that does not undo the folding). Sent as 8bit, each line stays whole; SMTP allows lines of up
    /// to 998 octets, and MailKit re-encodes the part for a server that does not offer 8BITMIME.
    /// </summary>
    private static void KeepTextLinesWhole(MimeMessage message)
    {
        foreach (var part in message.BodyParts.OfType<TextPart>().Where(p => p.IsPlain))
        {
            var text = part.Text;
            if (text.Split('\n').All(line => System.Text.Encoding.UTF8.GetByteCount(line) <= MaxLineOctets))
                part.ContentTransferEncoding = ContentEncoding.EightBit;
        }
    }

    // RFC 5322 section 2.1.1: at most 998 characters a line, excluding the CRLF.
    private const int MaxLineOctets = 998;

    /// <summary>
    /// The message's own headers, decoded, as a preview shows them. MIME structure headers (MIME-Version, which
    /// MimeKit adds only when writing, and Content-Type with its random boundary) describe the encoding rather than
    /// the email and are left out; a header that occurs twice keeps both values, comma-separated.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Headers(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in message.Headers.Where(h => !IsMimeStructure(h.Field)))
            headers[header.Field] = headers.TryGetValue(header.Field, out var earlier) ? $"{earlier}, {header.Value}" : header.Value;
        return headers;
    }

    private static bool IsMimeStructure(string field) =>
        field.StartsWith("Content-", StringComparison.OrdinalIgnoreCase) || field.Equals("MIME-Version", StringComparison.OrdinalIgnoreCase);

    private static MailboxAddress Mailbox(string? name, string address, string role, long messageId)
    {
        try
        {
            return new MailboxAddress(name ?? "", address);
        }
        catch (ParseException error)
        {
            // The address itself is deliberately left out: it is personal data and error texts end up in logs.
            throw new EmailSendException($"Message {messageId} has an invalid {role} address.", isTransient: false, inner: error);
        }
    }

    // Metadata keys come from code, but a space or colon would end the header name early, so only RFC 5322 field
    // name characters are kept.
    private static string HeaderName(string key) =>
        string.Concat(key.Select(c => c is > ' ' and <= '~' and not ':' ? c : '-'));
}
