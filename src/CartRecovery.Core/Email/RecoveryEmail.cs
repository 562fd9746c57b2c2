using System.Globalization;

namespace CartRecovery.Core.Email;

/// <summary>
/// The <see cref="EmailMessage"/> a recovery email becomes (sender, recipient, Message-ID, tag, metadata). One place,
/// so that what the dispatcher sends and what a preview shows can never drift apart.
/// </summary>
public static class RecoveryEmail
{
    /// <summary>Shown as the recipient when the cart has no email yet (a sample or phone-only cart is still previewable).</summary>
    public const string PlaceholderRecipient = "customer@example.com";

    /// <param name="messageIdDomain">The host of the public base URL: the Message-ID's domain.</param>
    public static EmailMessage Create(EmailModel model, EmailContent content, string messageIdDomain)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(content);
        var (store, cart, message) = (model.Store, model.Cart, model.Message);
        return new EmailMessage
        {
            MessageId = message.Id,
            FromAddress = store.SenderEmail,
            FromName = store.SenderName,
            To = string.IsNullOrWhiteSpace(cart.Contact.Email) ? PlaceholderRecipient : cart.Contact.Email,
            ReplyTo = store.ReplyTo,
            MessageStream = store.MessageStream,
            ToName = string.Join(' ', new[] { cart.Contact.FirstName, cart.Contact.LastName }.Where(n => !string.IsNullOrWhiteSpace(n))),
            Subject = content.Subject,
            HtmlBody = content.HtmlBody,
            TextBody = content.TextBody,
            // Stable across attempts: a retried send carries the same Message-ID.
            InternetMessageId = $"cart-{cart.Id}.step-{message.Step}.msg-{message.Id}@{messageIdDomain}",
            UnsubscribeUrl = model.UnsubscribeUrl,
            Tag = $"step-{message.Step}",
            Metadata = new Dictionary<string, string>
            {
                ["message_id"] = message.Id.ToString(CultureInfo.InvariantCulture),
                ["cart_id"] = cart.Id.ToString(CultureInfo.InvariantCulture),
                ["store_id"] = store.Id.ToString(CultureInfo.InvariantCulture),
            },
        };
    }
}
