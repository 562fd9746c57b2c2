using System.Security.Cryptography;
using System.Text;

namespace CartRecovery.Bench.Floor;

/// <summary>
/// The floor of the HTTP benchmarks: a bare ASP.NET Core app doing only the irreducible work of each hot path, so the
/// real host's figures can be read as a ratio to what this machine allows in the same run. <c>POST /webhook</c> checks
/// Shopify's signature (<c>X-Shopify-Hmac-Sha256</c>: base64 HMAC-SHA256 of the raw body), <c>POST /webhook/woocommerce</c>
/// WooCommerce's (<c>X-WC-Webhook-Signature</c>, the same construction), and both answer 200 (401 when it fails);
/// <c>GET /r/{token}</c> answers a 302 to a fixed location. Nothing is stored, parsed or logged.
/// </summary>
public static class FloorApp
{
    /// <summary>Configuration keys of the secrets the two webhook endpoints verify with.</summary>
    public const string ShopifySecretKey = "Floor:ShopifySecret";
    public const string WooCommerceSecretKey = "Floor:WooCommerceSecret";
    public const string RedirectLocation = "https://shop.example.com/cart";
    private const int MaxBodyBytes = 1024 * 1024;

    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var shopify = Encoding.UTF8.GetBytes(app.Configuration[ShopifySecretKey] ?? "floor-shopify-secret");
        var woo = Encoding.UTF8.GetBytes(app.Configuration[WooCommerceSecretKey] ?? "floor-woocommerce-secret");
        app.MapPost("/webhook", (HttpRequest request, CancellationToken ct) => VerifyAsync(request, "X-Shopify-Hmac-Sha256", shopify, ct));
        app.MapPost("/webhook/woocommerce", (HttpRequest request, CancellationToken ct) => VerifyAsync(request, "X-WC-Webhook-Signature", woo, ct));
        app.MapGet("/r/{token}", (string token) => Results.Redirect(RedirectLocation));
        return app;
    }

    private static async Task<IResult> VerifyAsync(HttpRequest request, string header, byte[] secret, CancellationToken ct)
    {
        // The host reads the whole body before verifying (the signature covers it), so the floor does too.
        if (request.ContentLength > MaxBodyBytes)
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        return HasValidSignature(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), request.Headers[header].ToString(), secret)
            ? Results.Ok()
            : Results.Unauthorized();
    }

    /// <summary>Compared in constant time, as the host does.</summary>
    public static bool HasValidSignature(ReadOnlySpan<byte> body, string? header, ReadOnlySpan<byte> secret)
    {
        Span<byte> expected = stackalloc byte[32];
        Span<byte> given = stackalloc byte[32];
        HMACSHA256.HashData(secret, body, expected);
        return Convert.TryFromBase64String(header ?? "", given, out var n) && n == 32
            && CryptographicOperations.FixedTimeEquals(expected, given);
    }
}
