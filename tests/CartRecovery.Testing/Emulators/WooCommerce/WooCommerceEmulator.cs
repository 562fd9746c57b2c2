using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;

namespace CartRecovery.Testing.Emulators.WooCommerce;

/// <summary>
/// A WooCommerce shop on loopback (127.0.0.1, random port) speaking the documented REST API v3, webhooks and wc-auth,
/// byte for byte where it matters: OAuth 1.0a verification as class-wc-rest-authentication.php does it (or Basic when
/// <see cref="WooCommerceEmulatorOptions.TreatAsHttps"/>), WordPress error JSON, paging headers, signed deliveries
/// with WooCommerce's headers, the webhook ping, coupon rules. Every request is recorded; faults can be queued.
/// </summary>
public sealed class WooCommerceEmulator : LoopbackServer
{
    private readonly EmulatorState _state = new();
    private readonly HttpClient _outbound;
    private readonly EmulatorWebhookSender _sender;

    private WooCommerceEmulator(WooCommerceEmulatorOptions options)
    {
        Options = options;
        // WordPress sends webhooks with 'redirection' => 0 and a 60 s timeout.
        _outbound = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(60) };
        _sender = new EmulatorWebhookSender(_outbound, options);
        var router = new EmulatorRouter(_state, options, _sender, _outbound, () => BaseUrl, () => HomeUrl);
        App.Run(router.HandleAsync);
    }

    public WooCommerceEmulatorOptions Options { get; }

    /// <summary>The shop's home URL (what signatures cover and what a store's site URL is).</summary>
    public Uri HomeUrl => Options.HomeUrl ?? BaseUrl;

    public static async Task<WooCommerceEmulator> StartAsync(WooCommerceEmulatorOptions? options = null, CancellationToken ct = default)
    {
        var emulator = new WooCommerceEmulator(options ?? new WooCommerceEmulatorOptions());
        await emulator.ListenAsync(ct);
        return emulator;
    }

    /// <summary>Creates an API key, as the merchant would under WooCommerce → Settings → Advanced → REST API.</summary>
    public EmulatedApiKey AddApiKey(string permissions = "read_write", string description = "Added by a test")
    {
        lock (_state.Gate)
        {
            var key = new EmulatedApiKey(_state.NextKeyId++, "ck_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20)),
                "cs_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20)), permissions, description);
            _state.Keys[key.ConsumerKey] = key;
            return key;
        }
    }

    public IReadOnlyList<EmulatedApiKey> ApiKeys
    {
        get { lock (_state.Gate) return [.. _state.Keys.Values]; }
    }

    /// <summary>
    /// Adds a published product (<paramref name="name"/> stored HTML-escaped, as WordPress does; <paramref name="price"/>
    /// a decimal string such as "24.90") with the ids the merchant relates to it, and returns its id.
    /// </summary>
    public long AddProduct(string name, string price, IReadOnlyList<long>? crossSells = null, IReadOnlyList<long>? upsells = null,
        IReadOnlyList<long>? related = null, string? imageUrl = null, string stockStatus = "instock")
    {
        lock (_state.Gate)
        {
            var id = _state.NextProductId++;
            var slug = string.Concat(name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-'));
            _state.Products[id] = new JsonObject
            {
                ["id"] = id,
                ["name"] = System.Net.WebUtility.HtmlEncode(name),
                ["slug"] = slug,
                ["permalink"] = new Uri(HomeUrl, $"product/{slug}/").AbsoluteUri,
                ["status"] = "publish",
                ["price"] = price,
                ["regular_price"] = price,
                ["stock_status"] = stockStatus,
                ["images"] = imageUrl is null ? new JsonArray() : new JsonArray(new JsonObject { ["id"] = id * 10, ["src"] = imageUrl, ["name"] = slug, ["alt"] = "" }),
                ["cross_sell_ids"] = new JsonArray([.. (crossSells ?? []).Select(i => (JsonNode)i)]),
                ["upsell_ids"] = new JsonArray([.. (upsells ?? []).Select(i => (JsonNode)i)]),
                ["related_ids"] = new JsonArray([.. (related ?? []).Select(i => (JsonNode)i)]),
            };
            return id;
        }
    }

    /// <summary>Adds an order and returns its id.</summary>
    public long AddOrder(Action<WooCommerceOrderBuilder>? build = null)
    {
        var builder = new WooCommerceOrderBuilder();
        build?.Invoke(builder);
        lock (_state.Gate)
        {
            var id = _state.NextOrderId++;
            _state.Orders[id] = builder.Build(id, HomeUrl, Options.Currency, Options.Time.GetUtcNow(), GmtOffset);
            return id;
        }
    }

    /// <summary>Moves an order to <paramref name="status"/> at <paramref name="at"/> (default: now), as checkout or an admin would.</summary>
    public void SetOrderStatus(long orderId, string status, DateTimeOffset? at = null)
    {
        var when = at ?? Options.Time.GetUtcNow();
        lock (_state.Gate)
        {
            var order = _state.Orders[orderId];
            order["status"] = status;
            WooCommerceOrderBuilder.SetDate(order, "date_modified", when, GmtOffset);
            if (status is "processing" or "completed" && order["date_paid_gmt"] is null)
                WooCommerceOrderBuilder.SetDate(order, "date_paid", when, GmtOffset);
            if (status == "completed")
                WooCommerceOrderBuilder.SetDate(order, "date_completed", when, GmtOffset);
            order["needs_payment"] = WooCommerceOrderBuilder.NeedsPayment(order);
        }
    }

    /// <summary>Deletes an order for good (a cleaned-up checkout draft): the API then answers 404.</summary>
    public void DeleteOrder(long orderId)
    {
        lock (_state.Gate)
            _state.Orders.Remove(orderId);
    }

    /// <summary>The order as the API would return it.</summary>
    public JsonObject GetOrder(long orderId)
    {
        lock (_state.Gate)
            return (JsonObject)_state.Orders[orderId].DeepClone();
    }

    public IReadOnlyList<EmulatedWebhook> Webhooks
    {
        get { lock (_state.Gate) return [.. _state.Webhooks]; }
    }

    /// <summary>What a merchant deleting the webhook in wp-admin (WooCommerce → Settings → Advanced → Webhooks) does.</summary>
    public bool DeleteWebhook(long id)
    {
        lock (_state.Gate)
            return _state.Webhooks.RemoveAll(w => w.Id == id) > 0;
    }

    /// <summary>What WooCommerce does to a webhook after too many failed deliveries: status <c>disabled</c>, nothing sent any more.</summary>
    public void DisableWebhook(long id)
    {
        lock (_state.Gate)
        {
            var index = _state.Webhooks.FindIndex(w => w.Id == id);
            _state.Webhooks[index] = _state.Webhooks[index] with { Status = "disabled" };
        }
    }

    public IReadOnlyList<EmulatedCoupon> Coupons
    {
        get { lock (_state.Gate) return [.. _state.Coupons.Values.OrderBy(c => c.Id)]; }
    }

    public IReadOnlyList<EmulatedRequest> Requests
    {
        get { lock (_state.Gate) return [.. _state.Requests]; }
    }

    public IReadOnlyList<EmulatedDelivery> Deliveries
    {
        get { lock (_state.Gate) return [.. _state.Deliveries]; }
    }

    /// <summary>
    /// The merchant's CartRecovery script (<c>{PublicBaseUrl}capture/{publicKey}/script.js</c>) that the storefront
    /// checkout page <c>GET /checkout/</c> includes with <c>async</c>; null leaves the tag out.
    /// </summary>
    public Uri? CaptureScriptUrl
    {
        get { lock (_state.Gate) return _state.CaptureScriptUrl; }
        set { lock (_state.Gate) _state.CaptureScriptUrl = value; }
    }

    /// <summary>
    /// Replaces the visitor's cart that the Store API (<c>GET /wp-json/wc/store/v1/cart</c>) returns.
    /// <paramref name="minorUnit"/> is the shop's "number of decimals" setting, which WooCommerce reports as
    /// <c>currency_minor_unit</c> and uses for every amount (2 by default, whatever the currency).
    /// </summary>
    public void SetStorefrontCart(IEnumerable<StorefrontCartItem> items, int minorUnit = 2)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentOutOfRangeException.ThrowIfNegative(minorUnit);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minorUnit, 6);
        lock (_state.Gate)
        {
            _state.StorefrontCart.Clear();
            _state.StorefrontCart.AddRange(items);
            _state.StorefrontMinorUnit = minorUnit;
        }
    }

    /// <summary>The next <paramref name="count"/> API requests fail with <paramref name="status"/> and WordPress's error JSON.</summary>
    public void FailNext(int count, int status = 500, string? code = null, string? message = null, TimeSpan? retryAfter = null)
    {
        lock (_state.Gate)
        {
            for (var i = 0; i < count; i++)
                _state.Faults.Enqueue(new EmulatorFault(status, code ?? "internal_server_error",
                    message ?? "There has been a critical error on this website.", retryAfter, TimeSpan.Zero));
        }
    }

    /// <summary>The next <paramref name="count"/> API requests are answered normally, but only after <paramref name="delay"/>.</summary>
    public void DelayNext(int count, TimeSpan delay)
    {
        lock (_state.Gate)
        {
            for (var i = 0; i < count; i++)
                _state.Faults.Enqueue(new EmulatorFault(0, "", "", null, delay));
        }
    }

    /// <summary>
    /// Delivers the order's current state (or <c>{"id": N}</c> for <c>order.deleted</c>) to the webhook's URL, signed
    /// with its secret, the way WooCommerce's Action Scheduler job does.
    /// </summary>
    public async Task<EmulatedDelivery> SendOrderWebhookAsync(long webhookId, long orderId, string? topic = null, CancellationToken ct = default)
    {
        EmulatedWebhook webhook;
        JsonNode payload;
        lock (_state.Gate)
        {
            webhook = _state.Webhooks.Single(w => w.Id == webhookId);
            topic ??= webhook.Topic;
            payload = topic.EndsWith(".deleted", StringComparison.Ordinal)
                ? new JsonObject { ["id"] = orderId }
                : _state.Orders[orderId].DeepClone();
        }
        var delivery = await _sender.DeliverAsync(webhook, topic, PhpJson.Serialize(payload), HomeUrl, ct);
        lock (_state.Gate)
            _state.Deliveries.Add(delivery);
        return delivery;
    }

    protected override ValueTask DisposeOwnedAsync()
    {
        _outbound.Dispose();
        return ValueTask.CompletedTask;
    }

    private TimeSpan GmtOffset => TimeSpan.FromHours((double)decimal.Parse(Options.GmtOffset, System.Globalization.CultureInfo.InvariantCulture));
}
