using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace CartRecovery.Bench.Http;

/// <summary>
/// Signed, distinct webhook deliveries as the platforms send them: each request is a new checkout (Shopify) or order
/// (WooCommerce) with its own id, signed over the exact bytes sent, so every one is stored and processed.
/// </summary>
internal static class Deliveries
{
    public const string ShopifySecret = "bench-shopify-app-secret";
    public const string WooCommerceSecret = "bench-woocommerce-webhook-secret";
    public const string ShopDomain = "bench-shop.myshopify.com";

    /// <summary>
    /// A Shopify <c>checkouts/create</c> delivery (the REST-shaped payload Shopify posts), about 1.3 KiB. Its lines carry no
    /// variant id, so processing does not ask Shopify's API for product images (there is no Shopify here).
    /// </summary>
    public static HttpRequestMessage Shopify(Uri url, long n)
    {
        var body = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $$"""
            {"id":{{9_000_000_000 + n}},"token":"bench{{n:x8}}","cart_token":"cart{{n:x8}}","email":"shopper{{n}}@example.com",
            "buyer_accepts_marketing":true,"created_at":"2026-11-27T10:12:31-05:00","updated_at":"2026-11-27T10:20:04-05:00",
            "completed_at":null,"currency":"USD","presentment_currency":"USD","customer_locale":"en-US",
            "abandoned_checkout_url":"https://{{ShopDomain}}/1/checkouts/bench{{n:x8}}/recover?key=k{{n}}",
            "line_items":[{"key":"1:a","product_id":788032119674292922,"title":"Linen Shirt",
            "variant_title":"Blue / M","quantity":2,"price":"49.90","line_price":"99.80","sku":"LIN-SHIRT-BL-M","vendor":"Maple Goods"},
            {"key":"2:b","product_id":632910392891054217,"title":"Merino Socks","variant_title":null,
            "quantity":1,"price":"29.90","line_price":"29.90","sku":"MER-SOCK-01","vendor":"Maple Goods"}],
            "subtotal_price":"129.70","total_line_items_price":"129.70","total_discounts":"0.00","total_tax":"0.00","total_price":"139.70",
            "billing_address":{"first_name":"Anna","last_name":"Berg","city":"Portland","country_code":"US","phone":null},
            "customer":{"id":{{7_000_000_000 + n}},"email":"shopper{{n}}@example.com","first_name":"Anna","last_name":"Berg"} }
            """));
        var request = Signed(url, body, "X-Shopify-Hmac-Sha256", ShopifySecret);
        request.Headers.Add("X-Shopify-Topic", "checkouts/create");
        request.Headers.Add("X-Shopify-Shop-Domain", ShopDomain);
        request.Headers.Add("X-Shopify-Webhook-Id", $"bench-{Guid.NewGuid():N}");
        request.Headers.Add("X-Shopify-Triggered-At", "2026-11-27T15:20:04Z");
        return request;
    }

    /// <summary>A WooCommerce <c>order.created</c> delivery of a pending order (the shape of WC REST v3), about 1.2 KiB.</summary>
    public static HttpRequestMessage WooCommerce(Uri url, long n)
    {
        var body = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $$"""
            {"id":{{n}},"parent_id":0,"status":"pending","currency":"EUR","version":"10.3.0","prices_include_tax":false,
            "date_created":"2026-11-27T17:58:12","date_modified":"2026-11-27T18:03:40","date_created_gmt":"2026-11-27T16:58:12",
            "date_modified_gmt":"2026-11-27T17:03:40","discount_total":"0.00","shipping_total":"4.90","total":"83.70","total_tax":"0.00",
            "customer_id":0,"order_key":"wc_order_bench{{n}}","billing":{"first_name":"Léa","last_name":"Martin","country":"FR",
            "email":"shopper{{n}}@example.org","phone":""},"created_via":"checkout","cart_hash":"h{{n:x8}}",
            "line_items":[{"id":{{n * 2}},"name":"Ridgeline Down Jacket - Slate, M","product_id":88,"variation_id":93,"quantity":1,
            "subtotal":"59.00","total":"59.00","sku":"ALP-JKT-M","price":59},{"id":{{n * 2 + 1}},"name":"Hiking Socks, 3-pack",
            "product_id":41,"variation_id":0,"quantity":2,"subtotal":"19.80","total":"19.80","sku":"","price":9.9}],
            "payment_url":"https://woo.bench.example/checkout/order-pay/{{n}}/?pay_for_order=true&key=wc_order_bench{{n}}"}
            """));
        var request = Signed(url, body, "X-WC-Webhook-Signature", WooCommerceSecret);
        request.Headers.Add("X-WC-Webhook-Topic", "order.created");
        request.Headers.Add("X-WC-Webhook-Resource", "order");
        request.Headers.Add("X-WC-Webhook-Event", "created");
        request.Headers.Add("X-WC-Webhook-Delivery-ID", $"bench{n:x16}");
        return request;
    }

    private static HttpRequestMessage Signed(Uri url, byte[] body, string header, string secret)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add(header, Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body)));
        return request;
    }
}
