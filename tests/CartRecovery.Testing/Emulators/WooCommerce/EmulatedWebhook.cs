namespace CartRecovery.Testing.Emulators.WooCommerce;

/// <summary>A webhook created through the API, with the secret it signs deliveries with and how its ping went.</summary>
public sealed record EmulatedWebhook(long Id, string Name, string Topic, string DeliveryUrl, string Secret, string Status)
{
    /// <summary>The HTTP status the ping got, or null when the delivery URL could not be reached.</summary>
    public int? PingStatus { get; init; }
}
