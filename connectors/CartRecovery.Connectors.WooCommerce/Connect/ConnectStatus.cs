namespace CartRecovery.Connectors.WooCommerce.Connect;

/// <summary>How connecting a shop ended.</summary>
internal enum ConnectStatus
{
    Connected,
    /// <summary>The request itself is wrong (bad site URL, malformed keys, a callback for another connection).</summary>
    InvalidRequest,
    /// <summary>WooCommerce refused the keys (unknown key, wrong secret, bad signature).</summary>
    KeysRejected,
    /// <summary>The keys work but cannot write (webhooks and coupons need Read/Write).</summary>
    MissingPermissions,
    /// <summary>The site answered, but not with the WooCommerce REST API (no <c>wc/v3</c> routes, not JSON).</summary>
    NotWooCommerce,
    /// <summary>The site did not answer in time, or answered with a server error; worth trying again later.</summary>
    SiteUnreachable,
}
