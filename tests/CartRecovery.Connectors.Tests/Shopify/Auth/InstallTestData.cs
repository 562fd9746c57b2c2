using System.Globalization;
using System.Net;
using System.Text.Json;
using CartRecovery.Connectors.Shopify.Auth;
using CartRecovery.Connectors.Shopify.Webhooks;
using CartRecovery.Core.Webhooks;
using CartRecovery.Core.Recovery;
using CartRecovery.Core.Stores;
using Moq;

namespace CartRecovery.Connectors.Tests.Shopify.Auth;

/// <summary>Signed Shopify redirects and a fake Shopify that completes an install.</summary>
internal static class InstallTestData
{
    public static readonly Uri RedirectUri = new("https://app.example.com/shopify/callback");
    public static readonly RecoveryOptions Recovery = new() { PublicBaseUrl = new Uri("https://app.example.com/") };
    public const string GrantedScopes = "read_orders,write_discounts,read_customers,unauthenticated_read_product_listings";

    /// <summary>The parameters plus their hmac, signed the way Shopify does (values here need no escaping).</summary>
    public static Dictionary<string, string> Signed(Dictionary<string, string> parameters, string secret = "client-secret")
    {
        var message = string.Join('&', parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
        return new Dictionary<string, string>(parameters) { ["hmac"] = ShopifyHmacTests.HexHmac(message, secret) };
    }

    public static string Timestamp(DateTimeOffset at) => at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    public static Dictionary<string, string> InstallQuery(DateTimeOffset at, string shop = ShopifyTestKit.Shop) => Signed(new()
    {
        ["shop"] = shop,
        ["timestamp"] = Timestamp(at),
        ["host"] = "YWRtaW4uc2hvcGlmeS5jb20vc3RvcmUvbWFwbGUtZ29vZHM",
    });

    public static Dictionary<string, string> CallbackQuery(DateTimeOffset at, string state = "nonce-1") => Signed(new()
    {
        ["code"] = "0907a61c0c8d55e99db179b68161bc00",
        ["shop"] = ShopifyTestKit.Shop,
        ["state"] = state,
        ["timestamp"] = Timestamp(at),
        ["host"] = "YWRtaW4uc2hvcGlmeS5jb20vc3RvcmUvbWFwbGUtZ29vZHM",
    });

    /// <summary>Shopify answering an install: token exchange, the shop query, and webhook subscriptions.</summary>
    public static HttpResponseMessage FakeShopify(RecordedRequest request, string scope = GrantedScopes, object? webhookUserErrors = null)
    {
        if (request.Uri.AbsolutePath == "/admin/oauth/access_token")
        {
            return Respond.Json(JsonSerializer.Serialize(new
            {
                access_token = "shpat_new",
                scope,
                expires_in = 3600,
                refresh_token = "shprt_new",
                refresh_token_expires_in = 7_776_000,
            }));
        }
        if (request.Query.Contains("webhookSubscriptionCreate", StringComparison.Ordinal))
        {
            return Respond.Data(new
            {
                webhookSubscriptionCreate = new
                {
                    webhookSubscription = webhookUserErrors is null ? new { id = "gid://shopify/WebhookSubscription/1" } : null,
                    userErrors = webhookUserErrors ?? Array.Empty<object>(),
                },
            });
        }
        if (request.Query.Contains("shop {", StringComparison.Ordinal))
            return Respond.Fixture("shop.json");
        return Respond.Status(HttpStatusCode.NotFound);
    }

    public static Mock<IStoreRepository> Stores(Store? existing = null)
    {
        var stores = new Mock<IStoreRepository>();
        stores.Setup(s => s.FindAsync(Platforms.Shopify, ShopifyTestKit.Shop, It.IsAny<CancellationToken>())).ReturnsAsync(existing);
        stores.Setup(s => s.UpsertAsync(It.IsAny<Store>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((Store store, CancellationToken _) => store with { Id = store.Id == 0 ? 77 : store.Id });
        return stores;
    }

    public static ShopifyStoreRegistration Registration(ShopifyTestKit kit, IStoreRepository stores) =>
        new(kit.Admin(), new ShopifyWebhookRegistrar(kit.Admin(), Recovery), stores, kit.Credentials.Object, new WebhookSigners(kit.Time), kit.Time);
}
