namespace CartRecovery.Testing.Emulators.WooCommerce;

/// <summary>An API key of the emulated shop (<c>wp_woocommerce_api_keys</c>).</summary>
public sealed record EmulatedApiKey(long KeyId, string ConsumerKey, string ConsumerSecret, string Permissions, string Description);
