namespace CartRecovery.Connectors.WooCommerce.Api;

/// <summary>What CartRecovery reads about a shop when it connects.</summary>
/// <param name="Name">The site title (WordPress <c>blogname</c>).</param>
/// <param name="HomeUrl">The storefront's home URL as WordPress reports it.</param>
/// <param name="Currency">ISO 4217 code from <c>woocommerce_currency</c>.</param>
/// <param name="TimeZone">IANA id derived from <c>timezone_string</c> or <c>gmt_offset</c>; "UTC" when unknown.</param>
/// <param name="WooCommerceVersion">From <c>/system_status</c> <c>environment.wc_version</c>, when readable.</param>
/// <param name="SenderEmail">The shop's "from" address (<c>woocommerce_email_from_address</c>), when readable.</param>
/// <param name="SenderName">The shop's "from" name (<c>woocommerce_email_from_name</c>), when readable.</param>
internal sealed record WooCommerceStoreSettings(
    string Name,
    Uri HomeUrl,
    string Currency,
    string TimeZone,
    string? WooCommerceVersion,
    string? SenderEmail,
    string? SenderName);
