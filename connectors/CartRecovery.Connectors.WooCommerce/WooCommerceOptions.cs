using System.ComponentModel.DataAnnotations;

namespace CartRecovery.Connectors.WooCommerce;

/// <summary>The WooCommerce connector (section <c>WooCommerce</c>).</summary>
public sealed class WooCommerceOptions
{
    public const string Section = "WooCommerce";

    /// <summary>Shown to the merchant on WooCommerce's "grant access" page and in the key's description.</summary>
    [Required] public string AppName { get; set; } = "CartRecovery";

    /// <summary>Key permission asked for: webhooks and coupons need write, polling needs read.</summary>
    [Required, RegularExpression("^(read|write|read_write)$")] public string Scope { get; set; } = "read_write";

    /// <summary>
    /// Sends every API call to this address instead of the store's own (tests, a proxy). Signatures still use the store's
    /// site URL, because WooCommerce verifies OAuth signatures against its configured home URL, not the Host header.
    /// </summary>
    public Uri? ApiBaseUrlOverride { get; set; }

    /// <summary>Orders per page; WordPress caps <c>per_page</c> at 100 (101+ is a 400 <c>rest_invalid_param</c>).</summary>
    [Range(1, 100)] public int PollPageSize { get; set; } = 100;

    /// <summary>Pages that bring new orders per store and pass, so one busy shop cannot hold the poll job.</summary>
    [Range(1, 1000)] public int MaxPagesPerPoll { get; set; } = 10;

    /// <summary>How far back the first poll of a newly connected store looks.</summary>
    public TimeSpan InitialLookback { get; set; } = TimeSpan.FromDays(2);

    /// <summary>Timeout of one HTTP attempt. WooCommerce sites are often slow shared hosting: be generous.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries of a GET after 429, 5xx, 408, a timeout or a broken connection. POSTs are never retried blindly.</summary>
    [Range(0, 10)] public int MaxRetries { get; set; } = 3;

    /// <summary>
    /// Connections started (<c>GET /connect/woocommerce</c>, no sign-in) and waiting for the shop's callback, at most;
    /// beyond it new starts get a "try again later" page and nothing is stored. Each waits an hour at most.
    /// </summary>
    [Range(1, 1_000_000)] public int MaxPendingConnections { get; set; } = 1000;

    /// <summary>Connection starts one client address may make per minute.</summary>
    [Range(1, 10_000)] public int ConnectStartsPerMinute { get; set; } = 10;

    /// <summary>First retry delay; doubles per attempt (with jitter), or follows <c>Retry-After</c> when the server sends it.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);
}
