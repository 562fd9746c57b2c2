using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CartRecovery.Connectors.WooCommerce.Api;
using CartRecovery.Connectors.WooCommerce.Webhooks;
using CartRecovery.Core.Outbound;
using CartRecovery.Core.Storefronts;
using CartRecovery.Core.Stores;
using CartRecovery.Core.Webhooks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CartRecovery.Connectors.WooCommerce.Connect;

/// <summary>
/// Connects a WooCommerce shop, by WooCommerce's app key-authorization flow
/// (https://woocommerce.github.io/woocommerce-rest-api-docs/#rest-api-keys, class-wc-auth.php) or by pasted keys.
/// The keys are checked against the API before anything is saved. The one-time connection id (wc-auth's
/// <c>user_id</c>) is the host's to issue and remember (<see cref="NewConnectionId"/>): this class only compares it.
/// </summary>
internal sealed partial class WooCommerceConnectFlow(
    WooCommerceClient client,
    WooCommerceStoreConnections connections,
    WooCommerceWebhookRegistrar webhooks,
    IStoreRepository stores,
    IStoreCredentialRepository credentials,
    IConnectorStateRepository state,
    WebhookSigners signers,
    IOptions<WooCommerceOptions> options,
    OutboundOptions outbound,
    TimeProvider time,
    ILogger<WooCommerceConnectFlow> logger)
{
    /// <summary>The shop's WooCommerce version as read at connect time (decides e.g. shareable checkout links).</summary>
    public const string VersionStateKey = "woocommerce:version";
    private const string ReadWrite = "read_write";

    /// <summary>An unguessable one-time id for wc-auth's <c>user_id</c>: anyone can POST to the callback URL, so only a
    /// callback echoing an id the host issued (and has not used yet) may complete a connection.</summary>
    public static string NewConnectionId() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
        .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>
    /// The address to send the merchant's browser to: <c>{site}/wc-auth/v1/authorize</c> with the five parameters
    /// WooCommerce requires. WooCommerce refuses a <paramref name="callbackUrl"/> that is not https.
    /// </summary>
    /// <exception cref="ArgumentException">The site URL or another argument is unusable; the message names the rule.</exception>
    public Uri Start(Uri siteUrl, Uri returnUrl, Uri callbackUrl, string userId)
    {
        var site = WooCommerceSiteUrl.Normalize(siteUrl);
        ArgumentNullException.ThrowIfNull(returnUrl);
        ArgumentNullException.ThrowIfNull(callbackUrl);
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        if (!returnUrl.IsAbsoluteUri || !callbackUrl.IsAbsoluteUri)
            throw new ArgumentException("returnUrl and callbackUrl must be absolute URLs.");
        var query = string.Join("&",
            Pair("app_name", options.Value.AppName),
            Pair("scope", options.Value.Scope),
            Pair("user_id", userId),
            Pair("return_url", returnUrl.AbsoluteUri),
            Pair("callback_url", callbackUrl.AbsoluteUri));
        return new Uri(site.AbsoluteUri.TrimEnd('/') + "/wc-auth/v1/authorize?" + query);

        static string Pair(string key, string value) => key + "=" + Uri.EscapeDataString(value);
    }

    /// <summary>
    /// Handles the JSON WooCommerce POSTs to the callback URL (<c>key_id</c>, <c>user_id</c>, <c>consumer_key</c>,
    /// <c>consumer_secret</c>, <c>key_permissions</c>). The host answers 200 only when this succeeds: on any other
    /// status WooCommerce deletes the key it just made and shows the merchant an error.
    /// </summary>
    public async Task<ConnectResult> CompleteAsync(JsonElement callbackBody, string expectedUserId, Uri siteUrl, CancellationToken ct)
    {
        if (callbackBody.ValueKind != JsonValueKind.Object)
            return ConnectResult.Failed(ConnectStatus.InvalidRequest, "The callback body must be a JSON object.");
        var userId = WooJson.String(callbackBody, "user_id") ?? "";
        if (string.IsNullOrEmpty(expectedUserId) || !CryptographicOperations.FixedTimeEquals(
                Encoding.UTF8.GetBytes(userId), Encoding.UTF8.GetBytes(expectedUserId)))
            return ConnectResult.Failed(ConnectStatus.InvalidRequest, "The callback does not belong to this connection (user_id).");
        var permissions = WooJson.String(callbackBody, "key_permissions");
        if (permissions != ReadWrite)
            return ConnectResult.Failed(ConnectStatus.MissingPermissions,
                $"The key was granted '{permissions}' access; CartRecovery needs Read/Write to register webhooks and create coupons.");
        return await ConnectAsync(siteUrl, WooJson.String(callbackBody, "consumer_key"), WooJson.String(callbackBody, "consumer_secret"),
            apiBaseUrl: null, knownWriteAccess: true, ct);
    }

    /// <summary>Connects with keys the merchant created and pasted (WooCommerce → Settings → Advanced → REST API).</summary>
    public Task<ConnectResult> ConnectWithKeysAsync(Uri siteUrl, string consumerKey, string consumerSecret, Uri? apiBaseUrl, CancellationToken ct) =>
        ConnectAsync(siteUrl, consumerKey, consumerSecret, apiBaseUrl, knownWriteAccess: false, ct);

    private async Task<ConnectResult> ConnectAsync(Uri siteUrl, string? key, string? secret, Uri? apiBaseUrl, bool knownWriteAccess, CancellationToken ct)
    {
        if (!WooCommerceSiteUrl.TryNormalize(siteUrl, out var site, out var siteError))
            return ConnectResult.Failed(ConnectStatus.InvalidRequest, siteError!);
        if ((OutboundUrlPolicy.Check(site, outbound, "siteUrl") ?? (apiBaseUrl is null ? null : OutboundUrlPolicy.Check(apiBaseUrl, outbound, "apiBaseUrl"))) is { } refused)
            return ConnectResult.Failed(ConnectStatus.InvalidRequest, refused);
        if (!LooksLikeKey(key, "ck_") || !LooksLikeKey(secret, "cs_"))
            return ConnectResult.Failed(ConnectStatus.InvalidRequest, "consumerKey must start with ck_ and consumerSecret with cs_ (WooCommerce → Settings → Advanced → REST API).");

        var connection = connections.Create(site!, key!, secret!, apiBaseUrl);
        WooCommerceStoreSettings settings;
        try
        {
            settings = await client.GetStoreSettingsAsync(connection, ct);
            if (!knownWriteAccess && !await client.HasWriteAccessAsync(connection, ct))
                return ConnectResult.Failed(ConnectStatus.MissingPermissions,
                    "The keys are read-only; CartRecovery needs Read/Write to register webhooks and create coupons.");
        }
        catch (WooCommerceApiException error)
        {
            Log.ConnectFailed(logger, site!.Host, error.StatusCode, error.ErrorCode);
            return ConnectResult.Failed(Classify(error), Describe(error, site));
        }

        var store = await SaveStoreAsync(site!, settings, apiBaseUrl, ct);
        // Base64 passes untouched through what WordPress does to a secret (sanitizing, wp_specialchars_decode).
        var webhookSecret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        await credentials.SaveAsync(WooCommerceStoreConnections.ToCredentials(store.Id, connection, webhookSecret, ReadWrite, time.GetUtcNow()), ct);
        signers.Clear();
        if (settings.WooCommerceVersion is { } version)
            await state.SetAsync(store.Id, VersionStateKey, version, ct);
        var warning = await webhooks.RegisterAsync(connection, store.Id, webhookSecret, ct);
        Log.Connected(logger, store.Id, settings.WooCommerceVersion ?? "unknown", warning is null);
        return ConnectResult.Connected(store, warning);
    }

    private async Task<Store> SaveStoreAsync(Uri site, WooCommerceStoreSettings settings, Uri? apiBaseUrl, CancellationToken ct)
    {
        var externalId = WooCommerceSiteUrl.ExternalId(site);
        var existing = await stores.FindAsync(Platforms.WooCommerce, externalId, ct);
        var storefront = OwnHomeUrl(site, settings.HomeUrl).AbsoluteUri.TrimEnd('/') + "/";
        var senderEmail = settings.SenderEmail ?? existing?.SenderEmail ?? "noreply@" + site.Host;
        var store = existing is null
            ? new Store
            {
                Platform = Platforms.WooCommerce,
                ExternalId = externalId,
                Name = settings.Name,
                StorefrontUrl = storefront,
                Currency = settings.Currency,
                TimeZone = settings.TimeZone,
                SenderEmail = senderEmail,
                SenderName = settings.SenderName ?? settings.Name,
                ApiBaseUrl = apiBaseUrl?.AbsoluteUri,
                CreatedAt = time.GetUtcNow(),
            }
            // A reconnect refreshes what the shop says about itself and reactivates it; the merchant's choices stay.
            : existing with
            {
                Name = settings.Name,
                StorefrontUrl = storefront,
                Currency = settings.Currency,
                TimeZone = settings.TimeZone,
                SenderEmail = senderEmail,
                SenderName = settings.SenderName ?? existing.SenderName,
                ApiBaseUrl = apiBaseUrl?.AbsoluteUri,
                Status = StoreStatus.Active,
            };
        return await stores.UpsertAsync(store, ct);
    }

    /// <summary>
    /// The home URL the shop reports, when it is a web link on the site's own hosts; otherwise the site itself. It is
    /// rendered as a link and decides the capture origin, so the shop cannot make it <c>javascript:</c> or another site.
    /// </summary>
    private Uri OwnHomeUrl(Uri site, Uri reported) =>
        OutboundUrlPolicy.IsWebLink(reported.OriginalString)
        && (reported.Scheme == Uri.UriSchemeHttps || outbound.AllowHttp)
        && WooCommerceSiteUrl.OwnHosts(site).Contains(reported.IdnHost.TrimEnd('.'), StringComparer.OrdinalIgnoreCase)
            ? reported
            : site;

    private static bool LooksLikeKey(string? value, string prefix) =>
        value is { Length: > 3 and <= 200 } && value.StartsWith(prefix, StringComparison.Ordinal) && !value.Any(char.IsWhiteSpace);

    private static ConnectStatus Classify(WooCommerceApiException error) => error switch
    {
        { IsUnauthorized: true } => ConnectStatus.KeysRejected,
        { IsTransient: true } => ConnectStatus.SiteUnreachable,
        _ => ConnectStatus.NotWooCommerce,
    };

    private static string Describe(WooCommerceApiException error, Uri site) => error switch
    {
        { IsUnauthorized: true } => $"WooCommerce at {site} refused the keys ({error.ErrorCode ?? error.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture)}). Check that they are copied whole and not revoked.",
        { IsTransient: true } => $"{site} did not answer properly ({(error.StatusCode == 0 ? "no response" : error.StatusCode)}); try again in a moment.",
        _ => $"{site} does not look like a WooCommerce shop with the REST API enabled ({error.ErrorCode ?? error.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture)}).",
    };

    private static partial class Log
    {
        [LoggerMessage(4501, LogLevel.Information, "WooCommerce store {StoreId} connected (WooCommerce {Version}, webhooks registered: {WebhooksRegistered})")]
        public static partial void Connected(ILogger logger, long storeId, string version, bool webhooksRegistered);

        [LoggerMessage(4502, LogLevel.Warning, "Connecting WooCommerce site {Host} failed with {Status} {Code}")]
        public static partial void ConnectFailed(ILogger logger, string host, int status, string? code);
    }
}
