namespace CartRecovery.Testing.Emulators.Shopify;

/// <summary>Settings of one emulated shop and of the app it knows. Defaults make a Standard-plan EU shop.</summary>
public sealed class ShopifyEmulatorOptions
{
    public string ShopDomain { get; init; } = "cartrecovery-test.myshopify.com";

    public long ShopId { get; init; } = 60_106_145_953;

    public string ShopName { get; init; } = "CartRecovery Test Shop";

    public string ShopEmail { get; init; } = "owner@cartrecovery-test.example";

    public string Currency { get; init; } = "EUR";

    public string IanaTimezone { get; init; } = "Europe/Paris";

    public Uri PrimaryDomainUrl { get; init; } = new("https://shop.cartrecovery-test.example");

    /// <summary>The app's API key (client ID) and secret: the secret signs install requests, callbacks and webhooks.</summary>
    public string ClientId { get; init; } = "cartrecovery-emulator-client-id";

    public string ClientSecret { get; init; } = "cartrecovery-emulator-client-secret";

    /// <summary>
    /// Scopes the app declares in its configuration: what a directly issued or exchanged token carries (an authorize
    /// request grants what it asks for). The unauthenticated scope lets the app manage storefront access tokens.
    /// </summary>
    public string Scopes { get; init; } = "read_orders,read_customers,read_products,write_discounts,unauthenticated_read_product_listings";

    /// <summary>Redirect URIs the app allows; null accepts any absolute http(s) URI.</summary>
    public IReadOnlyList<Uri>? AllowedRedirectUris { get; init; }

    /// <summary>Sent as X-Shopify-API-Version on webhooks.</summary>
    public string WebhookApiVersion { get; init; } = "2026-07";

    /// <summary>Bucket size; shopify.dev rate limits: read it from throttleStatus.maximumAvailable rather than hard-coding.</summary>
    public int MaximumAvailable { get; init; } = 2000;

    /// <summary>Points restored per second (Standard plan: 100).</summary>
    public int RestoreRate { get; init; } = 100;

    /// <summary>Single-query cost cap; above it Shopify answers MAX_COST_EXCEEDED.</summary>
    public int MaxSingleQueryCost { get; init; } = 1000;

    /// <summary>Drives token expiry, the cost bucket and timestamps. Tests pass a FakeTimeProvider.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Shopify waits 5 s for a webhook response (shopify.dev webhooks "troubleshooting").</summary>
    public TimeSpan WebhookTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Shopify only accepts HTTPS webhook addresses; loopback tests run plain HTTP, so this is off by default.</summary>
    public bool RequireHttpsWebhookUris { get; init; }
}
