namespace CartRecovery.Testing.Emulators.WooCommerce;

/// <summary>One webhook delivery the emulator sent, and the status the receiver answered (null when unreachable).</summary>
public sealed record EmulatedDelivery(long WebhookId, string Topic, string DeliveryId, string Body, string Signature, int? StatusCode);
