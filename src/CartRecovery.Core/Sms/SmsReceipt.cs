namespace CartRecovery.Core.Sms;

/// <summary>What the provider said when it took a text: its id (Twilio <c>SM…</c>), status and part count.</summary>
public sealed record SmsReceipt(string ProviderMessageId, string Status, int? Parts);
