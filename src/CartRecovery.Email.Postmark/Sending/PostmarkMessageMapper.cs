using CartRecovery.Core.Email;

namespace CartRecovery.Email.Postmark.Sending;

/// <summary>Turns a composed <see cref="EmailMessage"/> into the API's message, with the headers every recovery email needs.</summary>
internal static class PostmarkMessageMapper
{
    /// <exception cref="EmailSendException">An address, the unsubscribe URL or the metadata is unusable (not transient).</exception>
    public static PostmarkMessage Map(EmailMessage email, PostmarkOptions options)
    {
        // Addresses stay out of the texts: they are personal data and error texts end up in logs.
        if (!PostmarkAddress.IsValid(email.FromAddress))
            throw Invalid(email, "has an invalid sender address");
        if (!PostmarkAddress.IsValid(email.To))
            throw Invalid(email, "has an invalid recipient address");
        Uri? unsubscribe = null;
        if (email.UnsubscribeUrl is not null
            && (!Uri.TryCreate(email.UnsubscribeUrl, UriKind.Absolute, out unsubscribe)
                || (unsubscribe.Scheme != Uri.UriSchemeHttps && unsubscribe.Scheme != Uri.UriSchemeHttp)))
            throw Invalid(email, "has an unsubscribe URL that is not absolute http(s)");
        // Postmark refuses metadata whose keys differ only by case; better to say so than to get an opaque 422.
        if (email.Metadata.Keys.Distinct(StringComparer.OrdinalIgnoreCase).Count() != email.Metadata.Count)
            throw Invalid(email, "has metadata keys that differ only by case");

        return new PostmarkMessage
        {
            From = PostmarkAddress.Format(email.FromName, email.FromAddress),
            To = PostmarkAddress.Format(email.ToName, email.To),
            Subject = email.Subject,
            ReplyTo = string.IsNullOrWhiteSpace(email.ReplyTo) ? null : email.ReplyTo,
            HtmlBody = email.HtmlBody,
            TextBody = email.TextBody,
            Headers = Headers(email, unsubscribe, options),
            TrackOpens = options.TrackOpens,
            TrackLinks = options.TrackLinks,
            Tag = string.IsNullOrWhiteSpace(email.Tag) ? null : email.Tag,
            Metadata = email.Metadata.Count == 0 ? null : email.Metadata,
            MessageStream = email.MessageStream ?? options.MessageStream,
        };
    }

    private static List<PostmarkHeader> Headers(EmailMessage email, Uri? unsubscribe, PostmarkOptions options)
    {
        var headers = new List<PostmarkHeader>(3);
        if (options.SendListUnsubscribeHeaders && unsubscribe is not null)
        {
            // RFC 8058 one-click: the HTTPS link only (we have no mailto address). One-click needs HTTPS, so a plain
            // http link (a local setup) gets the classic RFC 2369 header without List-Unsubscribe-Post.
            headers.Add(new PostmarkHeader("List-Unsubscribe", $"<{unsubscribe.AbsoluteUri}>"));
            if (unsubscribe.Scheme == Uri.UriSchemeHttps)
                headers.Add(new PostmarkHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"));
        }
        var messageId = email.InternetMessageId.Trim().Trim('<', '>');
        // The same Message-ID on every attempt lets mailbox providers drop a duplicate should a retry deliver twice.
        if (options.SendMessageIdHeader && messageId.Contains('@', StringComparison.Ordinal) && !messageId.Any(char.IsWhiteSpace))
            headers.Add(new PostmarkHeader("Message-ID", $"<{messageId}>"));
        return headers;
    }

    private static EmailSendException Invalid(EmailMessage email, string problem) =>
        new($"Message {email.MessageId} {problem}.", isTransient: false);
}
