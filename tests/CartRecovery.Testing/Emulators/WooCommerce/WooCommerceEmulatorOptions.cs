namespace CartRecovery.Testing.Emulators.WooCommerce;

/// <summary>How the loopback WooCommerce behaves. Defaults follow a stock WooCommerce 10 shop served over plain HTTP.</summary>
public sealed class WooCommerceEmulatorOptions
{
    /// <summary>
    /// WordPress's home URL. OAuth signatures are checked against it, not against the Host header the request used,
    /// exactly like WooCommerce; null means the emulator's own loopback address.
    /// </summary>
    public Uri? HomeUrl { get; init; }

    /// <summary>
    /// What the index and <c>/system_status</c> report as the home URL, when a test needs a shop that says something
    /// else than its real address (a <c>javascript:</c> URL, another site). Null: the home URL.
    /// </summary>
    public string? ReportedHomeUrl { get; init; }

    /// <summary>
    /// Behave as if <c>is_ssl()</c> were true (TLS terminated in front of WordPress): HTTP Basic is accepted and OAuth
    /// signatures cover an https URL. Off by default, when only OAuth 1.0a authenticates, as on a plain-HTTP shop.
    /// </summary>
    public bool TreatAsHttps { get; init; }

    /// <summary>Real WooCommerce refuses a wc-auth <c>callback_url</c> that is not https; loopback test hosts are plain HTTP.</summary>
    public bool AllowHttpCallback { get; init; }

    /// <summary>The merchant clicks "Deny" on the wc-auth grant page.</summary>
    public bool DenyAuthorization { get; init; }

    /// <summary>Whether the <c>checkout-draft</c> status is registered (block checkout); if not, asking for it is a 400.</summary>
    public bool SupportsCheckoutDraft { get; init; } = true;

    /// <summary>The clock for OAuth timestamps (±15 minutes) and for order dates the tests do not set.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    public string WooCommerceVersion { get; init; } = "10.3.0";
    public string WordPressVersion { get; init; } = "6.8.1";
    public string StoreName { get; init; } = "Emulated Outfitters";
    public string Currency { get; init; } = "EUR";
    public string TimezoneString { get; init; } = "Europe/Berlin";
    public string GmtOffset { get; init; } = "1";
    public string? EmailFromAddress { get; init; } = "shop@emulated-outfitters.test";
    public string? EmailFromName { get; init; } = "Emulated Outfitters";
}
