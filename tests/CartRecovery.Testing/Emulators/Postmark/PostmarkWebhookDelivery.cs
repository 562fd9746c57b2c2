namespace CartRecovery.Testing.Emulators.Postmark;

/// <summary>A webhook the emulator posted: what it sent and the receiver's status (null when no answer came).</summary>
public sealed record PostmarkWebhookDelivery(Uri Target, string RecordType, string Body, string TraceId, int? StatusCode);
