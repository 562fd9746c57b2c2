using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace CartRecovery.Testing.Emulators.WooCommerce;

/// <summary>
/// Routes a request the way WordPress processes it: faults first (for the tests), then WooCommerce authentication
/// (an error ends the request with 401), the key's read/write permission (<c>rest_pre_dispatch</c>, before routing),
/// the route (<c>rest_no_route</c>), and the endpoint, which validates parameters before its permission callback.
/// </summary>
internal sealed partial class EmulatorRouter(
    EmulatorState state,
    WooCommerceEmulatorOptions options,
    EmulatorWebhookSender sender,
    HttpClient outbound,
    Func<Uri> baseUrl,
    Func<Uri> home)
{
    public async Task HandleAsync(HttpContext http)
    {
        var raw = http.Features.Get<IHttpRequestFeature>()?.RawTarget ?? http.Request.Path + http.Request.QueryString;
        var q = raw.IndexOf('?', StringComparison.Ordinal);
        var rawPath = q < 0 ? raw : raw[..q];
        var rawQuery = q < 0 ? "" : raw[(q + 1)..];
        using var reader = new StreamReader(http.Request.Body);
        var body = await reader.ReadToEndAsync(http.RequestAborted);
        var get = PhpQuery.Parse(rawQuery);
        var post = http.Request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true
            ? PhpQuery.Parse(body) : [];
        try
        {
            await RouteAsync(http, rawPath, get, post, body);
        }
        finally
        {
            lock (state.Gate)
                state.Requests.Add(new EmulatedRequest(http.Request.Method, rawPath, rawQuery, http.Request.Headers.Authorization.ToString() is { Length: > 0 } a ? a : null, body, http.Response.StatusCode));
        }
    }

    private async Task RouteAsync(HttpContext http, string rawPath, List<KeyValuePair<string, string>> get, List<KeyValuePair<string, string>> post, string body)
    {
        if (rawPath.StartsWith("/wc-auth/v1/authorize", StringComparison.Ordinal))
        {
            await EmulatorWcAuth.AuthorizeAsync(http, get, state, options, outbound);
            return;
        }
        if (http.Request.Method == "GET" && rawPath == "/")
        {
            await EmulatorStorefront.WriteHomePageAsync(http.Response, state, options);
            return;
        }
        if (http.Request.Method == "GET" && rawPath == "/checkout/")
        {
            await EmulatorStorefront.WriteCheckoutPageAsync(http.Response, state, options);
            return;
        }
        if (rawPath != "/wp-json" && !rawPath.StartsWith("/wp-json/", StringComparison.Ordinal))
        {
            http.Response.StatusCode = 404;
            return;
        }
        if (await InjectFaultAsync(http))
            return;

        var route = rawPath["/wp-json".Length..].Trim('/');
        var request = new EmulatorRequest(http, http.Request.Method, rawPath, get, post, body, null);
        if (route.Length == 0)
        {
            await EmulatorHttp.WriteJsonAsync(http.Response, 200, EmulatorShopInfo.Fields(EmulatorShopInfo.Index(options, home()), request.Param("_fields")));
            return;
        }
        if (!route.StartsWith("wc/", StringComparison.Ordinal))
        {
            await WordPressError.NoRoute().WriteAsync(http.Response);
            return;
        }

        AuthOutcome auth;
        lock (state.Gate)
            auth = EmulatorAuth.Authenticate(http.Request, rawPath, get, post, state, options, home());
        if (auth.Error is { } authError)
        {
            await authError.WriteAsync(http.Response);
            return;
        }
        if (auth.Key is { } key && EmulatorAuth.CheckPermissions(request.Method, key) is { } permissionError)
        {
            await permissionError.WriteAsync(http.Response);
            return;
        }
        await DispatchAsync(request with { Key = auth.Key }, route);
    }

    private async Task DispatchAsync(EmulatorRequest request, string route)
    {
        var now = options.Time.GetUtcNow();
        var response = request.Http.Response;
        switch (request.Method, route)
        {
            case ("GET", "wc/v3/system_status"):
                if (request.Key is null)
                    await new WordPressError(401, "woocommerce_rest_cannot_view", "Sorry, you cannot list resources.").WriteAsync(response);
                else
                    await EmulatorHttp.WriteJsonAsync(response, 200, EmulatorShopInfo.Fields(EmulatorShopInfo.SystemStatus(options, home()), request.Param("_fields")));
                return;
            case ("GET", _) when Match(SettingsRoute(), route) is { } group:
                if (request.Key is null)
                    await new WordPressError(401, "woocommerce_rest_cannot_view", "Sorry, you cannot list resources.").WriteAsync(response);
                else if (EmulatorShopInfo.Settings(group, options) is { } settings)
                    await EmulatorHttp.WriteJsonAsync(response, 200, settings);
                else
                    await new WordPressError(404, "rest_setting_setting_group_invalid", "Invalid setting group.").WriteAsync(response);
                return;
            case ("GET", "wc/v3/orders"):
                await EmulatorOrders.ListAsync(request, state, options, baseUrl());
                return;
            case ("GET", "wc/v3/products"):
                await EmulatorProducts.ListAsync(request, state);
                return;
            case ("GET", _) when Match(ProductRoute(), route) is { } productId:
                await EmulatorProducts.GetAsync(request, state, long.Parse(productId, CultureInfo.InvariantCulture));
                return;
            case ("GET", _) when Match(OrderRoute(), route) is { } orderId:
                await EmulatorOrders.GetAsync(request, state, long.Parse(orderId, CultureInfo.InvariantCulture));
                return;
            case ("GET", "wc/v3/webhooks"):
                await EmulatorWrites.ListWebhooksAsync(request, state, now);
                return;
            case ("POST", "wc/v3/webhooks"):
                await EmulatorWrites.CreateWebhookAsync(request, state, sender, now);
                return;
            case ("DELETE", _) when Match(WebhookRoute(), route) is { } webhookId:
                await EmulatorWrites.DeleteWebhookAsync(request, state, long.Parse(webhookId, CultureInfo.InvariantCulture), now);
                return;
            case ("GET", "wc/store/v1/cart"):
                await EmulatorStorefront.WriteCartAsync(response, state, options, home());
                return;
            case ("POST", "wc/v3/coupons"):
                await EmulatorWrites.CreateCouponAsync(request, state, now);
                return;
            default:
                await WordPressError.NoRoute().WriteAsync(response);
                return;
        }
    }

    private async Task<bool> InjectFaultAsync(HttpContext http)
    {
        EmulatorFault? fault;
        lock (state.Gate)
            state.Faults.TryDequeue(out fault);
        if (fault is null)
            return false;
        if (fault.Delay > TimeSpan.Zero)
            await Task.Delay(fault.Delay, http.RequestAborted);
        if (fault.Status == 0)
            return false;
        if (fault.RetryAfter is { } retryAfter)
            http.Response.Headers.RetryAfter = ((int)retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        await new WordPressError(fault.Status, fault.Code, fault.Message).WriteAsync(http.Response);
        return true;
    }

    private static string? Match(Regex pattern, string route) => pattern.Match(route) is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex(@"^wc/v3/settings/([a-z0-9_-]+)$")]
    private static partial Regex SettingsRoute();

    [GeneratedRegex(@"^wc/v3/orders/(\d{1,18})$")]
    private static partial Regex OrderRoute();

    [GeneratedRegex(@"^wc/v3/products/(\d{1,18})$")]
    private static partial Regex ProductRoute();

    [GeneratedRegex(@"^wc/v3/webhooks/(\d{1,18})$")]
    private static partial Regex WebhookRoute();
}
