namespace CartRecovery.Core.Sms;

/// <summary>
/// One text ready to go: <see cref="To"/> is E.164, <see cref="Body"/> already holds the shop's name and the opt-out
/// mention. <see cref="MessageId"/> is our message's id; transports pass it to the provider so a status callback (and a
/// retry's look-up) finds the message again. The sender is the store's Messaging Service, else its number.
/// </summary>
public sealed record SmsMessage(long MessageId, long StoreId, string To, string Body, string? MessagingServiceSid, string? From);
