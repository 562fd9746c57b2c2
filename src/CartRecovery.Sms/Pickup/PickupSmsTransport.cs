using System.Globalization;
using System.Text.Json;
using CartRecovery.Core.Sms;

namespace CartRecovery.Sms.Pickup;

/// <summary>
/// Writes each text as <c>{yyyyMMdd-HHmmss}-{messageId}.sms.json</c> in a folder instead of sending it, for the demo and
/// tests. Writing the same message again replaces its file, so a retry never shows two texts.
/// </summary>
public sealed class PickupSmsTransport(string directory, TimeProvider time) : ISmsTransport
{
    // Written for people to read (the demo, an operator checking a text): "+33…" and "€", not "\u002B33…" and "\u20AC".
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public async Task<SmsReceipt> SendAsync(SmsMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        Directory.CreateDirectory(directory);
        var id = ProviderId(message.MessageId);
        foreach (var earlier in Directory.EnumerateFiles(directory, $"*-{message.MessageId.ToString(CultureInfo.InvariantCulture)}.sms.json"))
            File.Delete(earlier);
        var budget = SmsBudget.Measure(message.Body);
        var file = new PickedUpSms(id, message.StoreId, message.To, message.MessagingServiceSid ?? message.From, message.Body,
            budget.Encoding.ToString(), budget.Parts, time.GetUtcNow());
        var name = $"{file.CreatedAt.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}-{message.MessageId.ToString(CultureInfo.InvariantCulture)}.sms.json";
        var temp = Path.Combine(directory, name + ".tmp");
        await File.WriteAllTextAsync(temp, JsonSerializer.Serialize(file, Json), ct);
        File.Move(temp, Path.Combine(directory, name), overwrite: true);
        return new SmsReceipt(id, "delivered", budget.Parts);
    }

    public Task<SmsReceipt?> FindAsync(string providerMessageId, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(providerMessageId);
        var messageId = providerMessageId.StartsWith("pickup-", StringComparison.Ordinal) ? providerMessageId["pickup-".Length..] : null;
        var found = messageId is not null && Directory.Exists(directory)
            && Directory.EnumerateFiles(directory, $"*-{messageId}.sms.json").Any();
        return Task.FromResult(found ? new SmsReceipt(providerMessageId, "delivered", null) : null);
    }

    /// <summary>The file of an earlier send of the message, found by its id in the file name.</summary>
    public Task<SmsReceipt?> FindSentAsync(SmsMessage message, string marker, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        return FindAsync(ProviderId(message.MessageId), ct);
    }

    private static string ProviderId(long messageId) => "pickup-" + messageId.ToString(CultureInfo.InvariantCulture);

    private sealed record PickedUpSms(string Id, long StoreId, string To, string? From, string Body, string Encoding, int Parts, DateTimeOffset CreatedAt);
}
