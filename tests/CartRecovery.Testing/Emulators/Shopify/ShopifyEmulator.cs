using System.Net;
using CartRecovery.Testing.Emulators.Shopify.GraphQl;
using Microsoft.AspNetCore.Builder;

namespace CartRecovery.Testing.Emulators.Shopify;

/// <summary>
/// One Shopify shop on loopback, speaking the documented Admin API contract: OAuth install and tokens, the Admin
/// GraphQL endpoint (abandoned checkouts, nodes, webhook subscriptions, code discounts, storefront access tokens, cost
/// and throttling), the Storefront API's product recommendations and signed webhook deliveries. Point a client at <see cref="BaseUrl"/> instead of https://{shop}.myshopify.com/.
/// Thread-safe; every request is recorded in <see cref="Requests"/>.
/// </summary>
public sealed class ShopifyEmulator : LoopbackServer
{
    private readonly ShopifyEmulatorState _state;
    private readonly ShopifyBillingMutations _billing;
    private readonly ShopifyTokenRepository _tokens;
    private readonly ShopifyOAuthEndpoints _oauth;
    private readonly ShopifyPayloads _payloads;
    private readonly ShopifyCompliancePayloads _compliance;
    private readonly ShopifyWebhookSender _webhooks;

    private ShopifyEmulator(ShopifyEmulatorOptions options)
    {
        _state = new ShopifyEmulatorState(options);
        _tokens = new ShopifyTokenRepository(_state);
        _oauth = new ShopifyOAuthEndpoints(_state, _tokens);
        _payloads = new ShopifyPayloads(_state, new ShopifyGraphQlObjects(_state));
        _compliance = new ShopifyCompliancePayloads(_state);
        _webhooks = new ShopifyWebhookSender(_state);
        var bucket = new ShopifyCostBucket(options.MaximumAvailable, options.RestoreRate, options.TimeProvider);
        _billing = new ShopifyBillingMutations(_state);
        Router = new ShopifyEmulatorRouter(
            _state, _oauth, new ShopifyGraphQlEndpoint(_state, _tokens, bucket), new ShopifyStorefrontEndpoint(_state, _tokens), _billing);
        App.Run(Router.DispatchAsync);
    }

    public string ShopDomain => _state.Options.ShopDomain;

    public long ShopId => _state.Options.ShopId;

    public string ShopName => _state.Options.ShopName;

    public string ClientId => _state.Options.ClientId;

    public string ClientSecret => _state.Options.ClientSecret;

    public string Currency => _state.Options.Currency;

    public string IanaTimezone => _state.Options.IanaTimezone;

    public Uri PrimaryDomainUrl => _state.Options.PrimaryDomainUrl;

    public IReadOnlyList<ShopifyRecordedRequest> Requests => _state.Requests();

    public IReadOnlyList<ShopifyDeliveredWebhook> DeliveredWebhooks => _state.Deliveries();

    public IReadOnlyList<ShopifyEmulatorWebhookSubscription> WebhookSubscriptions => _state.Subscriptions();

    /// <summary>What a merchant, another app or Shopify itself (after failed deliveries) does: the subscription is gone.</summary>
    public bool DeleteWebhookSubscription(string id) => _state.RemoveSubscription(id);

    public IReadOnlyList<ShopifyEmulatorDiscount> Discounts => _state.Discounts();

    public IReadOnlyList<ShopifyEmulatorCheckout> Checkouts => _state.Checkouts();

    private ShopifyEmulatorRouter Router { get; }

    public static async Task<ShopifyEmulator> StartAsync(ShopifyEmulatorOptions? options = null)
    {
        // BaseUrl stands for https://{shop}.myshopify.com/.
        var emulator = new ShopifyEmulator(options ?? new ShopifyEmulatorOptions());
        await emulator.ListenAsync(CancellationToken.None);
        emulator._state.BaseUrl = emulator.BaseUrl;
        return emulator;
    }

    /// <summary>The Admin GraphQL URL of an API version, e.g. .../admin/api/2026-07/graphql.json.</summary>
    public Uri GraphQlUrl(string apiVersion = "2026-07") => new(BaseUrl, $"admin/api/{apiVersion}/graphql.json");

    /// <summary>The signed GET Shopify sends to the App URL when a merchant installs: shop, timestamp, host, hmac.</summary>
    public Uri BuildInstallUrl(Uri appInstallUrl) => _oauth.BuildInstallUrl(appInstallUrl);

    /// <summary>Lowercase hex HMAC-SHA256 of the sorted query without hmac, keyed with <see cref="ClientSecret"/>.</summary>
    public string Sign(IEnumerable<KeyValuePair<string, string>> query) => ShopifySignatures.QueryHmac(query, ClientSecret);

    /// <summary>
    /// Mints an offline token without the OAuth dance; expiring tokens come with a refresh token. As in Shopify, a
    /// new expiring token revokes the previous expiring ones of the app for this shop.
    /// </summary>
    public ShopifyIssuedToken IssueOfflineToken(bool expiring)
    {
        var grant = _tokens.Issue(_state.Options.Scopes, expiring);
        var now = _state.Now;
        return new ShopifyIssuedToken(
            grant.AccessToken,
            grant.Scope,
            grant.ExpiresIn is { } seconds ? now.AddSeconds(seconds) : null,
            grant.RefreshToken,
            grant.RefreshTokenExpiresIn is { } refreshSeconds ? now.AddSeconds(refreshSeconds) : null);
    }

    /// <summary>
    /// A session token App Bridge would hand the app's page in this shop's admin right now, for staff user
    /// <paramref name="userId"/>: valid for one minute of the emulator's clock.
    /// </summary>
    public string MintSessionToken(string userId = "902541635") =>
        ShopifySessionTokens.Sign(ShopifySessionTokens.Claims(ClientId, ShopDomain, userId, _state.Now), ClientSecret);

    /// <summary>
    /// The address the admin frames when a staff user opens the embedded app at <paramref name="appUrl"/> (its App URL),
    /// with a fresh session token for <paramref name="userId"/> and the admin's <paramref name="locale"/>.
    /// </summary>
    public Uri BuildEmbeddedUrl(Uri appUrl, string userId = "902541635", string locale = "en") =>
        _oauth.BuildEmbeddedUrl(appUrl, MintSessionToken(userId), locale);

    /// <summary>Expires every expiring access token now (GraphQL answers 401); refresh tokens keep working.</summary>
    public void ExpireAccessTokens() => _tokens.ExpireAccessTokens();

    /// <summary>Revokes every token, as uninstalling the app does.</summary>
    public void RevokeAllTokens() => _tokens.RevokeAll();

    /// <summary>Stores a checkout (normalized: tokens, whole-second times, customer id) and returns what is stored.</summary>
    public ShopifyEmulatorCheckout AddCheckout(ShopifyEmulatorCheckout checkout) => _state.PutCheckout(checkout, mustExist: false);

    public ShopifyEmulatorCheckout UpdateCheckout(ShopifyEmulatorCheckout checkout) => _state.PutCheckout(checkout, mustExist: true);

    public ShopifyEmulatorCheckout UpdateCheckout(long id, Func<ShopifyEmulatorCheckout, ShopifyEmulatorCheckout> change) =>
        _state.ChangeCheckout(id, change);

    /// <summary>Marks the checkout completed (an order was placed) at <paramref name="at"/> or now.</summary>
    public ShopifyEmulatorCheckout CompleteCheckout(long id, DateTimeOffset? at = null)
    {
        var when = at ?? _state.Now;
        return _state.ChangeCheckout(id, c => c with { CompletedAt = when, UpdatedAt = when });
    }

    public bool RemoveCheckout(long id) => _state.RemoveCheckout(id);

    public ShopifyEmulatorCheckout? GetCheckout(long id) => _state.FindCheckout(id);

    /// <summary>Makes a variant (and its product) known to nodes(ids:) without any checkout holding it.</summary>
    public void AddVariant(ShopifyEmulatorLine variant) => _state.AddToCatalog(variant);

    /// <summary>
    /// Adds a product to the catalogue the Storefront API serves and returns its id; <paramref name="related"/> are the
    /// products <c>productRecommendations</c> gives for it, in that order.
    /// </summary>
    public long AddProduct(string title, string price, IReadOnlyList<long>? related = null, bool availableForSale = true, string? imageUrl = null,
        bool onlineStore = true)
    {
        var id = 8_000_000_000 + _state.NextId();
        var handle = string.Concat(title.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-'));
        _state.PutProduct(new ShopifyEmulatorProduct
        {
            Id = id,
            Title = title,
            Handle = handle,
            Price = price,
            AvailableForSale = availableForSale,
            ImageUrl = imageUrl,
            OnlineStoreUrl = onlineStore ? new Uri(PrimaryDomainUrl, $"products/{handle}").AbsoluteUri : null,
            Related = related ?? [],
        });
        return id;
    }

    /// <summary>Sets the products Shopify recommends beside <paramref name="productId"/> (a product added or a checkout line's).</summary>
    public void Recommend(long productId, params long[] related)
    {
        var product = _state.FindProduct(productId) ?? new ShopifyEmulatorProduct { Id = productId, Title = $"Product {productId}", Handle = $"product-{productId}", Price = "0.00" };
        _state.PutProduct(product with { Related = related });
    }

    /// <summary>The storefront access tokens the app created, oldest first.</summary>
    public IReadOnlyList<ShopifyEmulatorStorefrontToken> StorefrontAccessTokens => _state.StorefrontTokens();

    /// <summary>What a merchant deleting the app's storefront tokens does: the Storefront API refuses them from now on.</summary>
    public void DeleteStorefrontAccessTokens() => _state.RemoveStorefrontTokens();

    /// <summary>The next <paramref name="count"/> GraphQL requests (Admin or Storefront) fail with <paramref name="statusCode"/> before any other check.</summary>
    public void FailNext(int count, int statusCode = 503) => _state.FailNext(count, statusCode);

    /// <summary>The next <paramref name="count"/> valid GraphQL requests answer THROTTLED, charging nothing.</summary>
    public void ThrottleNext(int count) => _state.ThrottleNext(count);

    public void ClearRequests() => _state.ClearRequests();

    /// <summary>checkouts/create or checkouts/update body of a stored checkout; 2026-07 bodies omit "id" (includeId: false).</summary>
    public string CheckoutPayload(long checkoutId, bool includeId = true) => ShopifyJson.Write(_payloads.Checkout(Checkout(checkoutId), includeId));

    public string CheckoutDeletePayload(long checkoutId) => ShopifyJson.Write(ShopifyPayloads.CheckoutDeleted(Checkout(checkoutId)));

    /// <summary>orders/create body for an order placed from a stored checkout; <paramref name="total"/> defaults to the checkout total.</summary>
    public string OrderPayload(long checkoutId, long orderId, string? total = null, string? discountCode = null, DateTimeOffset? createdAt = null)
    {
        var checkout = Checkout(checkoutId);
        var amount = total is null ? checkout.Total : decimal.Parse(total, System.Globalization.CultureInfo.InvariantCulture);
        return ShopifyJson.Write(_payloads.Order(checkout, orderId, amount, discountCode, createdAt ?? _state.Now));
    }

    public string CustomersRedactPayload(long customerId, string? email, string? phone = null, IEnumerable<long>? ordersToRedact = null) =>
        ShopifyJson.Write(_compliance.CustomersRedact(customerId, email, phone, ordersToRedact ?? []));

    public string CustomersDataRequestPayload(
        long customerId, string? email, string? phone = null, IEnumerable<long>? ordersRequested = null, long dataRequestId = 9999) =>
        ShopifyJson.Write(_compliance.CustomersDataRequest(customerId, email, phone, ordersRequested ?? [], dataRequestId));

    public string ShopRedactPayload() => ShopifyJson.Write(_compliance.ShopRedact());

    public string AppUninstalledPayload() => ShopifyJson.Write(_compliance.AppUninstalled());

    /// <summary>The app subscriptions the app asked for, with their usage records.</summary>
    public IReadOnlyList<ShopifyEmulatorAppSubscription> AppSubscriptions => _state.AppSubscriptions();

    /// <summary>The merchant approves (or declines) a pending subscription, as at its confirmation URL.</summary>
    public ShopifyEmulatorAppSubscription AnswerAppSubscription(string id, bool approve = true) =>
        _billing.Answer(id, approve) ?? throw new InvalidOperationException($"No pending app subscription {id}.");

    /// <summary>What uninstalling does to billing: every subscription of the app is cancelled.</summary>
    public void CancelAppSubscriptions() => _billing.CancelAll();

    /// <summary>
    /// An <c>app_subscriptions/update</c> body for a subscription (webhook reference: the subscription with its GraphQL id,
    /// name and status).
    /// </summary>
    public string AppSubscriptionsUpdatePayload(string id)
    {
        var subscription = _state.AppSubscriptions().FirstOrDefault(s => s.Id == id) ?? throw new InvalidOperationException($"No app subscription {id}.");
        return ShopifyJson.Write(new System.Text.Json.Nodes.JsonObject
        {
            ["app_subscription"] = new System.Text.Json.Nodes.JsonObject
            {
                ["admin_graphql_api_id"] = subscription.Id,
                ["name"] = subscription.Name,
                ["status"] = subscription.Status,
                ["admin_graphql_api_shop_id"] = ShopifyFormats.Gid("Shop", ShopId),
                ["created_at"] = ShopifyFormats.RestTime(subscription.CreatedAt, IanaTimezone),
                ["updated_at"] = ShopifyFormats.RestTime(_state.Now, IanaTimezone),
                ["currency"] = subscription.Currency,
                ["capped_amount"] = subscription.CappedAmount is { } cap ? ShopifyFormats.RestMoney(cap) : null,
            },
        });
    }

    /// <summary>
    /// POSTs <paramref name="jsonBody"/> to <paramref name="target"/> as Shopify would, signed with the client secret
    /// (or <paramref name="secretOverride"/>). <paramref name="tamper"/> runs after signing, to break the request on
    /// purpose. A target that doesn't answer within 5 s yields 504 and a delivery with no status.
    /// </summary>
    public Task<HttpResponseMessage> SendWebhookAsync(
        Uri target,
        string topic,
        string jsonBody,
        string? webhookId = null,
        DateTimeOffset? triggeredAt = null,
        string? secretOverride = null,
        Action<HttpRequestMessage>? tamper = null) =>
        _webhooks.SendAsync(Delivery(target, topic, jsonBody, webhookId, triggeredAt, secretOverride), attempt: 1, tamper);

    /// <summary>
    /// Delivers like Shopify's retry loop: the same webhook id and body until a 2xx, at most
    /// <paramref name="maxAttempts"/> tries (Shopify: 1 + 8 retries over 4 hours). <paramref name="delay"/> receives the
    /// attempt number and Shopify-like backoff; by default nothing waits.
    /// </summary>
    public Task<IReadOnlyList<ShopifyDeliveredWebhook>> SendWebhookWithRetriesAsync(
        Uri target,
        string topic,
        string jsonBody,
        int maxAttempts = ShopifyWebhookSender.ShopifyMaxAttempts,
        Func<int, TimeSpan, Task>? delay = null,
        string? webhookId = null) =>
        _webhooks.SendWithRetriesAsync(
            Delivery(target, topic, jsonBody, webhookId, null, null), maxAttempts, delay ?? ((_, _) => Task.CompletedTask));

    /// <summary>Sends <paramref name="jsonBody"/> to every subscription of <paramref name="topic"/> (checkouts/create).</summary>
    public async Task<IReadOnlyList<HttpStatusCode>> TriggerWebhookAsync(string topic, string jsonBody)
    {
        var statuses = new List<HttpStatusCode>();
        foreach (var subscription in WebhookSubscriptions.Where(s => s.TopicHeader == topic))
        {
            using var response = await SendWebhookAsync(subscription.Uri, topic, jsonBody);
            statuses.Add(response.StatusCode);
        }

        return statuses;
    }

    protected override ValueTask DisposeOwnedAsync()
    {
        _webhooks.Dispose();
        return ValueTask.CompletedTask;
    }

    private ShopifyWebhookDelivery Delivery(Uri target, string topic, string body, string? webhookId, DateTimeOffset? triggeredAt, string? secret) =>
        new(target, topic, body, webhookId ?? Guid.NewGuid().ToString(), Guid.NewGuid().ToString(), triggeredAt ?? _state.Now, secret);

    private ShopifyEmulatorCheckout Checkout(long id) =>
        _state.FindCheckout(id) ?? throw new InvalidOperationException($"Checkout {id} does not exist; add it first.");
}
