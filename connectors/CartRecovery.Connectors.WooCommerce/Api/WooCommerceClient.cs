using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CartRecovery.Connectors.WooCommerce.Api;

/// <summary>
/// A small client for the WooCommerce REST API v3 (<c>{site}/wp-json/wc/v3/</c>,
/// https://woocommerce.github.io/woocommerce-rest-api-docs/). Thread-safe; one instance serves every store, each call
/// names its <see cref="WooCommerceConnection"/>. Failures throw <see cref="WooCommerceApiException"/>.
/// </summary>
internal sealed class WooCommerceClient
{
    /// <summary>The named <see cref="HttpClient"/> carrying the timeouts, retries and authentication.</summary>
    public const string HttpClientName = "WooCommerce";
    private const string V3 = "wp-json/wc/v3/";

    private readonly WooCommerceTransport _transport;

    public WooCommerceClient(IHttpClientFactory httpClients)
    {
        ArgumentNullException.ThrowIfNull(httpClients);
        _transport = new WooCommerceTransport(httpClients);
    }

    /// <summary>The WordPress index (public): site title, home URL and time zone.</summary>
    public async Task<JsonElement> GetSiteIndexAsync(WooCommerceConnection connection, CancellationToken ct) =>
        (await _transport.SendAsync(HttpMethod.Get, connection, "wp-json/",
            [new("_fields", "name,home,gmt_offset,timezone_string")], null, anonymous: true, ct)).Body;

    /// <summary><c>GET /system_status</c> trimmed to <c>environment</c> and <c>settings</c>; needs <c>manage_woocommerce</c>.</summary>
    public async Task<JsonElement> GetSystemStatusAsync(WooCommerceConnection connection, CancellationToken ct) =>
        (await GetAsync(connection, "system_status", [new("_fields", "environment,settings")], ct)).Body;

    /// <summary>A settings group (<c>general</c>, <c>email</c>, ...) as id → value, for the options whose value is text.</summary>
    public async Task<IReadOnlyDictionary<string, string>> GetSettingsAsync(WooCommerceConnection connection, string group, CancellationToken ct)
    {
        var body = (await GetAsync(connection, "settings/" + Uri.EscapeDataString(group), [], ct)).Body;
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        if (body.ValueKind == JsonValueKind.Array)
        {
            foreach (var setting in body.EnumerateArray())
            {
                if (WooJson.String(setting, "id") is { } id && WooJson.String(setting, "value") is { } value)
                    settings[id] = value;
            }
        }
        return settings;
    }

    /// <summary>
    /// Everything CartRecovery keeps about the shop. <c>/system_status</c> doubles as the key check (it needs an
    /// authenticated shop manager); the index and the email settings are best effort.
    /// </summary>
    public async Task<WooCommerceStoreSettings> GetStoreSettingsAsync(WooCommerceConnection connection, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var status = await GetSystemStatusAsync(connection, ct);
        var general = await GetSettingsAsync(connection, "general", ct);
        var environment = WooJson.Object(status, "environment");
        var statusSettings = WooJson.Object(status, "settings");

        var (hasIndex, indexBody) = await TryAsync(() => GetSiteIndexAsync(connection, ct));
        JsonElement? index = hasIndex ? indexBody : null;
        var (_, email) = await TryAsync(() => GetSettingsAsync(connection, "email", ct));

        var currency = general.GetValueOrDefault("woocommerce_currency")
            ?? (statusSettings is { } s ? WooJson.NonEmpty(s, "currency") : null)
            ?? throw new WooCommerceApiException(200, "no_currency", "The store did not report its currency (woocommerce_currency).");
        var homeText = (index is { } i ? WooJson.NonEmpty(i, "home") : null)
            ?? (environment is { } e ? WooJson.NonEmpty(e, "home_url") : null);
        var home = Uri.TryCreate(homeText, UriKind.Absolute, out var parsed) ? parsed : connection.SiteUrl;
        return new WooCommerceStoreSettings(
            // The site title is stored HTML-escaped ("Ben &amp; Jerry&#039;s"): decoded once, like product names.
            Name: (index is { } n && WooJson.NonEmpty(n, "name") is { } title ? System.Net.WebUtility.HtmlDecode(title) : null) ?? connection.SiteUrl.Host,
            HomeUrl: home,
            Currency: currency.ToUpperInvariant(),
            TimeZone: WooCommerceTimeZones.Resolve(
                index is { } t ? WooJson.String(t, "timezone_string") : null,
                index is { } g ? WooJson.String(g, "gmt_offset") : null),
            WooCommerceVersion: environment is { } v ? WooJson.NonEmpty(v, "wc_version") : null,
            SenderEmail: email?.GetValueOrDefault("woocommerce_email_from_address") is { Length: > 0 } from ? from : null,
            SenderName: email?.GetValueOrDefault("woocommerce_email_from_name") is { Length: > 0 } name ? name : null);
    }

    /// <summary>
    /// <c>GET /orders</c> modified after <paramref name="modifiedAfterGmt"/> (exclusive, second precision: the filter is a
    /// WP date_query <c>after</c>), oldest change first with the id as tie-break (<c>orderby=modified</c>, WooCommerce 4.4+).
    /// <paramref name="statuses"/> go as a comma list: PHP would keep only the last of repeated <c>status=</c> keys.
    /// </summary>
    public async Task<WooCommercePage<JsonElement>> ListOrdersAsync(
        WooCommerceConnection connection,
        DateTimeOffset modifiedAfterGmt,
        IReadOnlyCollection<string> statuses,
        int page,
        int perPage,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(statuses);
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(perPage, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(perPage, 100);
        var response = await GetAsync(connection, "orders",
        [
            new("status", string.Join(",", statuses)),
            new("modified_after", WooJson.FormatGmt(modifiedAfterGmt)),
            new("dates_are_gmt", "true"),
            new("orderby", "modified"),
            new("order", "asc"),
            new("page", page.ToString(CultureInfo.InvariantCulture)),
            new("per_page", perPage.ToString(CultureInfo.InvariantCulture)),
        ], ct);
        var items = response.Body.ValueKind == JsonValueKind.Array ? response.Body.EnumerateArray().ToList() : [];
        var total = Header(response, "X-WP-Total") ?? items.Count;
        var totalPages = Header(response, "X-WP-TotalPages") ?? (items.Count == 0 ? 0 : page);
        return new WooCommercePage<JsonElement>(items, page, total, totalPages);
    }

    /// <summary><c>GET /orders/{id}</c>; null when WooCommerce says the order does not exist (404).</summary>
    public async Task<JsonElement?> GetOrderAsync(WooCommerceConnection connection, long orderId, CancellationToken ct)
    {
        try
        {
            return (await GetAsync(connection, "orders/" + orderId.ToString(CultureInfo.InvariantCulture), [], ct)).Body;
        }
        catch (WooCommerceApiException error) when (error.StatusCode == 404)
        {
            return null;
        }
    }

    /// <summary>
    /// <c>POST /webhooks</c> with our own secret (WooCommerce would generate one it never tells us). WooCommerce pings
    /// <paramref name="deliveryUrl"/> with <c>webhook_id=N</c> during this call, so the endpoint must already answer 200.
    /// </summary>
    public async Task<WooCommerceWebhookInfo> CreateWebhookAsync(
        WooCommerceConnection connection, string topic, Uri deliveryUrl, string secret, string name, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(deliveryUrl);
        var body = new JsonObject
        {
            ["name"] = name,
            ["topic"] = topic,
            ["delivery_url"] = deliveryUrl.AbsoluteUri,
            ["secret"] = secret,
            ["status"] = "active",
        };
        var created = (await _transport.SendAsync(HttpMethod.Post, connection, V3 + "webhooks", [], body, anonymous: false, ct)).Body;
        return new WooCommerceWebhookInfo(
            WooJson.Long(created, "id") ?? throw new WooCommerceApiException(201, "invalid_response", "The created webhook has no id."),
            WooJson.String(created, "topic") ?? topic,
            WooJson.String(created, "delivery_url") ?? deliveryUrl.AbsoluteUri,
            WooJson.String(created, "status") ?? "active");
    }

    /// <summary>
    /// <c>GET /webhooks?per_page=100</c>: the shop's webhooks, whatever their status (active, paused, disabled). CartRecovery
    /// makes three per store; a shop with more than a hundred webhooks of its own would page past ours, so only the first
    /// page is read and a missing one is simply re-created.
    /// </summary>
    public async Task<IReadOnlyList<WooCommerceWebhookInfo>> ListWebhooksAsync(WooCommerceConnection connection, CancellationToken ct)
    {
        var body = (await GetAsync(connection, "webhooks", [new("per_page", "100")], ct)).Body;
        return body.ValueKind != JsonValueKind.Array ? [] :
        [
            .. body.EnumerateArray().Select(w => new WooCommerceWebhookInfo(WooJson.Long(w, "id") ?? 0, WooJson.String(w, "topic") ?? "",
                WooJson.String(w, "delivery_url") ?? "", WooJson.String(w, "status") ?? "")),
        ];
    }

    /// <summary><c>DELETE /webhooks/{id}?force=true</c> (webhooks cannot be trashed). A webhook already gone is not an error.</summary>
    public async Task DeleteWebhookAsync(WooCommerceConnection connection, long webhookId, CancellationToken ct)
    {
        try
        {
            await _transport.SendAsync(HttpMethod.Delete, connection, V3 + "webhooks/" + webhookId.ToString(CultureInfo.InvariantCulture),
                [new("force", "true")], null, anonymous: false, ct);
        }
        catch (WooCommerceApiException error) when (error.StatusCode == 404)
        {
        }
    }

    /// <summary>
    /// Whether the keys may write, without writing: an empty <c>POST /webhooks</c>. WordPress runs WooCommerce's key
    /// permission check in <c>rest_pre_dispatch</c>, before parameter validation, so a read-only key gets 401 and a
    /// write key gets 400 <c>rest_missing_callback_param</c> and nothing is created.
    /// </summary>
    public async Task<bool> HasWriteAccessAsync(WooCommerceConnection connection, CancellationToken ct)
    {
        try
        {
            await _transport.SendAsync(HttpMethod.Post, connection, V3 + "webhooks", [], new JsonObject(), anonymous: false, ct);
            throw new WooCommerceApiException(201, "unexpected_success", "The store accepted an empty webhook; refusing to guess its permissions.");
        }
        catch (WooCommerceApiException error) when (error.StatusCode == 400)
        {
            return true;
        }
        catch (WooCommerceApiException error) when (error.IsUnauthorized)
        {
            return false;
        }
    }

    /// <summary><c>POST /coupons</c>. A taken code fails with 400 <c>woocommerce_rest_coupon_code_already_exists</c>.</summary>
    public async Task<WooCommerceCoupon> CreateCouponAsync(WooCommerceConnection connection, WooCommerceCouponRequest coupon, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(coupon);
        var body = new JsonObject
        {
            ["code"] = coupon.Code,
            ["discount_type"] = coupon.DiscountType,
            ["amount"] = coupon.Amount,
            ["individual_use"] = coupon.IndividualUse,
            ["usage_limit"] = coupon.UsageLimit,
            ["usage_limit_per_user"] = coupon.UsageLimitPerUser,
            ["free_shipping"] = coupon.FreeShipping,
            ["email_restrictions"] = new JsonArray([.. coupon.EmailRestrictions.Select(e => JsonValue.Create(e))]),
            ["date_expires_gmt"] = WooJson.FormatGmt(coupon.ExpiresAtUtc),
            ["description"] = coupon.Description,
        };
        var created = (await _transport.SendAsync(HttpMethod.Post, connection, V3 + "coupons", [], body, anonymous: false, ct)).Body;
        return new WooCommerceCoupon(
            WooJson.Long(created, "id") ?? throw new WooCommerceApiException(201, "invalid_response", "The created coupon has no id."),
            WooJson.String(created, "code") ?? coupon.Code);
    }

    /// <summary><c>GET /products/{id}</c> trimmed to the ids the shop relates to it; null when the product does not exist (404).</summary>
    public async Task<JsonElement?> GetProductRelationsAsync(WooCommerceConnection connection, long productId, CancellationToken ct)
    {
        try
        {
            return (await GetAsync(connection, "products/" + productId.ToString(CultureInfo.InvariantCulture),
                [new("_fields", "id,cross_sell_ids,upsell_ids,related_ids")], ct)).Body;
        }
        catch (WooCommerceApiException error) when (error.StatusCode == 404)
        {
            return null;
        }
    }

    /// <summary><c>GET /products?include=…&amp;status=publish</c>: the published products among <paramref name="ids"/>, trimmed to what an email shows.</summary>
    public async Task<IReadOnlyList<JsonElement>> ListProductsAsync(WooCommerceConnection connection, IReadOnlyCollection<long> ids, CancellationToken ct)
    {
        var body = (await GetAsync(connection, "products",
        [
            new("include", string.Join(',', ids.Select(i => i.ToString(CultureInfo.InvariantCulture)))),
            new("per_page", ids.Count.ToString(CultureInfo.InvariantCulture)),
            new("status", "publish"),
            new("_fields", "id,name,permalink,price,images,stock_status"),
        ], ct)).Body;
        return body.ValueKind == JsonValueKind.Array ? [.. body.EnumerateArray()] : [];
    }

    private Task<WooCommerceResponse> GetAsync(
        WooCommerceConnection connection, string resource, IReadOnlyList<KeyValuePair<string, string>> query, CancellationToken ct) =>
        _transport.SendAsync(HttpMethod.Get, connection, V3 + resource, query, null, anonymous: false, ct);

    private static int? Header(WooCommerceResponse response, string name) =>
        response.Headers.TryGetValues(name, out var values)
        && int.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static async Task<(bool Ok, T? Value)> TryAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return (true, await call());
        }
        catch (WooCommerceApiException)
        {
            // Security plugins often hide the index or the email settings; the connection still works without them.
            return (false, default);
        }
    }
}
