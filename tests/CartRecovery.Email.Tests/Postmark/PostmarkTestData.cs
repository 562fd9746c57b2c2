using CartRecovery.Core.Email;
using CartRecovery.Email.Postmark.Sending;

namespace CartRecovery.Email.Tests.Postmark;

/// <summary>Messages for the Postmark tests, built for real.</summary>
internal static class PostmarkTestData
{
    public const string UnsubscribeUrl = "https://recover.example.com/u/AQIAAAAAAAAAB2unsubscribe";

    public static EmailMessage Email(long messageId = 7, string to = "anna@example.com", string fromName = "Maple Goods") => new()
    {
        MessageId = messageId,
        FromAddress = "hello@maple.example.com",
        FromName = fromName,
        To = to,
        ToName = "Anna Berg",
        Subject = "Anna, your cart at Maple Goods is waiting",
        HtmlBody = """<p>Your cart: Café crème set. <a href="https://maple.example.com/r/abc">Back to my cart</a></p>""",
        TextBody = "Your cart: Café crème set. https://maple.example.com/r/abc",
        InternetMessageId = $"cart-42.step-1.msg-{messageId}@recover.example.com",
        UnsubscribeUrl = UnsubscribeUrl,
        Tag = "step-1",
        Metadata = new Dictionary<string, string> { ["message_id"] = messageId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["cart_id"] = "42" },
    };

    public static PostmarkMessage Message(string to = "anna@example.com", string stream = "broadcast") => new()
    {
        From = "Maple Goods <hello@maple.example.com>",
        To = to,
        Subject = "Still thinking it over?",
        HtmlBody = "<p>Your cart is waiting.</p>",
        TextBody = "Your cart is waiting.",
        MessageStream = stream,
        Tag = "step-1",
        TrackOpens = true,
        TrackLinks = "HtmlOnly",
        Metadata = new Dictionary<string, string> { ["message_id"] = "7", ["cart_id"] = "42" },
    };
}
