using System.Text.Json.Nodes;

namespace CartRecovery.Testing.Emulators.WooCommerce;

/// <summary>A queued fault: answer with this error, or wait this long before answering normally.</summary>
internal sealed record EmulatorFault(int Status, string Code, string Message, TimeSpan? RetryAfter, TimeSpan Delay);

/// <summary>Everything the emulated shop knows. Every access holds <see cref="Gate"/>.</summary>
internal sealed class EmulatorState
{
    public object Gate { get; } = new();
    public Dictionary<string, EmulatedApiKey> Keys { get; } = new(StringComparer.Ordinal);

    /// <summary>Used nonces per key id, keyed by timestamp like WooCommerce's serialized <c>nonces</c> column.</summary>
    public Dictionary<long, Dictionary<long, string>> Nonces { get; } = [];
    public SortedDictionary<long, JsonObject> Orders { get; } = [];
    public SortedDictionary<long, JsonObject> Products { get; } = [];
    public List<EmulatedWebhook> Webhooks { get; } = [];
    public Dictionary<string, EmulatedCoupon> Coupons { get; } = new(StringComparer.Ordinal);
    public List<EmulatedRequest> Requests { get; } = [];
    public List<EmulatedDelivery> Deliveries { get; } = [];
    public Queue<EmulatorFault> Faults { get; } = new();
    public List<StorefrontCartItem> StorefrontCart { get; } = [];
    public int StorefrontMinorUnit { get; set; } = 2;
    public Uri? CaptureScriptUrl { get; set; }
    public long NextKeyId { get; set; } = 1;
    public long NextOrderId { get; set; } = 1001;
    public long NextProductId { get; set; } = 71;
    public long NextWebhookId { get; set; } = 1;
    public long NextCouponId { get; set; } = 501;
}
