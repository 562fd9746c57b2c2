using CartRecovery.Core.Carts;
using CartRecovery.Core.Email;
using CartRecovery.Core.Sequences;
using CartRecovery.Core.Stores;
using CartRecovery.Testing;

namespace CartRecovery.Email.Tests;

/// <summary>Email-specific records on top of <see cref="TestData"/>.</summary>
internal static class EmailTestData
{
    public const string RestoreUrl = "https://recover.example.com/r/AQEAAAAAAAAAB2restore";
    public const string UnsubscribeUrl = "https://recover.example.com/u/AQIAAAAAAAAAB2unsubscribe";

    public static EmailModel Model(Cart? cart = null, Store? store = null, string template = SequencePresets.ReminderTemplate, IssuedOffer? offer = null) =>
        new(store ?? TestData.Store(), cart ?? TestData.Cart(), TestData.Message(template), RestoreUrl, UnsubscribeUrl, offer);

    public static EmailMessage Message(long messageId = 7, string subject = "Anna, your cart at Maple Goods is waiting") => new()
    {
        MessageId = messageId,
        FromAddress = "hello@maple.example.com",
        FromName = "Maple Goods",
        To = "anna@example.com",
        ToName = "Anna Berg",
        Subject = subject,
        HtmlBody = "<p>Your cart at Maple Goods: Café crème set</p>",
        TextBody = "Your cart at Maple Goods: Café crème set",
        InternetMessageId = $"cart-42.step-1.msg-{messageId}@recover.example.com",
        UnsubscribeUrl = UnsubscribeUrl,
        Tag = "step-1",
        Metadata = new Dictionary<string, string> { ["message_id"] = "7", ["cart_id"] = "42" },
    };
}
