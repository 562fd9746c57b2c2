using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CartRecovery.Testing.Emulators.WooCommerce;

/// <summary>
/// <c>POST /webhooks</c>, <c>DELETE /webhooks/{id}</c> and <c>POST /coupons</c>, as the v3 webhooks and coupons
/// controllers answer them, and <c>GET /webhooks</c> (the list the webhooks controller pages like any collection). Creating a webhook pings its delivery URL before the response, like WooCommerce does.
/// </summary>
internal static class EmulatorWrites
{
    private static readonly string[] Resources = ["coupon", "customer", "order", "product"];
    private static readonly string[] Events = ["created", "updated", "deleted", "restored"];

    public static async Task CreateWebhookAsync(EmulatorRequest request, EmulatorState state, EmulatorWebhookSender sender, DateTimeOffset now)
    {
        var body = ParseObject(request.Body);
        var topic = Text(body, "topic");
        var url = Text(body, "delivery_url");
        var missing = new[] { ("topic", topic), ("delivery_url", url) }.Where(p => p.Item2 is null).Select(p => p.Item1).ToArray();
        if (missing.Length > 0)
        {
            await WordPressError.MissingParams(missing).WriteAsync(request.Http.Response);
            return;
        }
        if (request.Key is null)
        {
            await new WordPressError(401, "woocommerce_rest_cannot_create", "Sorry, you are not allowed to create resources.").WriteAsync(request.Http.Response);
            return;
        }
        var parts = topic!.ToLowerInvariant().Split('.', 2);
        if (parts.Length != 2 || !(parts[0] == "action" || (Resources.Contains(parts[0]) && Events.Contains(parts[1]))))
        {
            await new WordPressError(400, "woocommerce_rest_shop_webhook_invalid_topic", "Webhook topic is required and must be valid.").WriteAsync(request.Http.Response);
            return;
        }
        if (!Uri.TryCreate(url, UriKind.Absolute, out var delivery) || (delivery.Scheme != Uri.UriSchemeHttp && delivery.Scheme != Uri.UriSchemeHttps))
        {
            await new WordPressError(400, "woocommerce_rest_shop_webhook_invalid_delivery_url", "Webhook delivery URL must be a valid URL starting with http:// or https://.").WriteAsync(request.Http.Response);
            return;
        }

        EmulatedWebhook webhook;
        lock (state.Gate)
        {
            webhook = new EmulatedWebhook(state.NextWebhookId++, Text(body, "name") ?? $"Webhook created on {now:MMM d, yyyy}", topic.ToLowerInvariant(),
                delivery.AbsoluteUri, Text(body, "secret") ?? Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), Text(body, "status") ?? "active");
            state.Webhooks.Add(webhook);
        }
        var ping = await sender.PingAsync(webhook.DeliveryUrl, webhook.Id, request.Http.RequestAborted);
        lock (state.Gate)
        {
            var index = state.Webhooks.FindIndex(w => w.Id == webhook.Id);
            state.Webhooks[index] = webhook = webhook with { PingStatus = ping };
        }
        await EmulatorHttp.WriteJsonAsync(request.Http.Response, 201, WebhookJson(webhook, now));
    }

    /// <summary>
    /// <c>GET /webhooks</c> (woocommerce.github.io/woocommerce-rest-api-docs/#list-all-webhooks): <c>status</c> all (the
    /// default), active, paused or disabled; <c>per_page</c> 1–100 (10 by default), <c>page</c>; oldest first by id is
    /// enough for the emulator (the real default is date, desc), with <c>X-WP-Total</c> and <c>X-WP-TotalPages</c>.
    /// </summary>
    public static async Task ListWebhooksAsync(EmulatorRequest request, EmulatorState state, DateTimeOffset now)
    {
        var status = request.Param("status") ?? "all";
        if (status is not ("all" or "active" or "paused" or "disabled"))
        {
            await WordPressError.InvalidParam("status", "status is not one of all, active, paused, and disabled.").WriteAsync(request.Http.Response);
            return;
        }
        if (!int.TryParse(request.Param("per_page") ?? "10", NumberStyles.None, CultureInfo.InvariantCulture, out var perPage) || perPage is < 1 or > 100)
        {
            await WordPressError.InvalidParam("per_page", "per_page must be between 1 (inclusive) and 100 (inclusive)").WriteAsync(request.Http.Response);
            return;
        }
        if (!int.TryParse(request.Param("page") ?? "1", NumberStyles.None, CultureInfo.InvariantCulture, out var page) || page < 1)
        {
            await WordPressError.InvalidParam("page", "page must be greater than or equal to 1").WriteAsync(request.Http.Response);
            return;
        }
        if (request.Key is null)
        {
            await new WordPressError(401, "woocommerce_rest_cannot_view", "Sorry, you cannot list resources.").WriteAsync(request.Http.Response);
            return;
        }
        List<EmulatedWebhook> matching;
        lock (state.Gate)
            matching = [.. state.Webhooks.Where(w => status == "all" || w.Status == status).OrderBy(w => w.Id)];
        var response = request.Http.Response;
        response.Headers["X-WP-Total"] = matching.Count.ToString(CultureInfo.InvariantCulture);
        response.Headers["X-WP-TotalPages"] = ((matching.Count + perPage - 1) / perPage).ToString(CultureInfo.InvariantCulture);
        await EmulatorHttp.WriteJsonAsync(response, 200,
            new JsonArray([.. matching.Skip((page - 1) * perPage).Take(perPage).Select(w => (JsonNode)WebhookJson(w, now))]));
    }

    public static async Task DeleteWebhookAsync(EmulatorRequest request, EmulatorState state, long id, DateTimeOffset now)
    {
        if (request.Key is null)
        {
            await new WordPressError(401, "woocommerce_rest_cannot_delete", "Sorry, you are not allowed to delete this resource.").WriteAsync(request.Http.Response);
            return;
        }
        EmulatedWebhook? removed;
        lock (state.Gate)
        {
            removed = state.Webhooks.FirstOrDefault(w => w.Id == id);
            if (removed is not null && request.Param("force") is "true" or "1")
                state.Webhooks.Remove(removed);
        }
        if (removed is null)
            await new WordPressError(404, "woocommerce_rest_shop_webhook_invalid_id", "Invalid ID.").WriteAsync(request.Http.Response);
        else if (request.Param("force") is not ("true" or "1"))
            await new WordPressError(501, "woocommerce_rest_trash_not_supported", "Webhooks do not support trashing.").WriteAsync(request.Http.Response);
        else
            await EmulatorHttp.WriteJsonAsync(request.Http.Response, 200, WebhookJson(removed, now));
    }

    public static async Task CreateCouponAsync(EmulatorRequest request, EmulatorState state, DateTimeOffset now)
    {
        var body = ParseObject(request.Body);
        if (Text(body, "code") is not { Length: > 0 } code)
        {
            await WordPressError.MissingParams("code").WriteAsync(request.Http.Response);
            return;
        }
        if (Text(body, "discount_type") is { } type && type is not ("percent" or "fixed_cart" or "fixed_product"))
        {
            await WordPressError.InvalidParam("discount_type", "discount_type is not one of percent, fixed_cart, and fixed_product.").WriteAsync(request.Http.Response);
            return;
        }
        if (request.Key is null)
        {
            await new WordPressError(401, "woocommerce_rest_cannot_create", "Sorry, you are not allowed to create resources.").WriteAsync(request.Http.Response);
            return;
        }
        // wc_format_coupon_code lower-cases codes; wc_get_coupon_id_by_code then finds any existing one.
        var normalized = code.Trim().ToLowerInvariant();
        EmulatedCoupon? coupon = null;
        lock (state.Gate)
        {
            if (!state.Coupons.ContainsKey(normalized))
            {
                coupon = new EmulatedCoupon(state.NextCouponId++, normalized, body);
                state.Coupons[normalized] = coupon;
            }
        }
        if (coupon is null)
        {
            await new WordPressError(400, "woocommerce_rest_coupon_code_already_exists", "The coupon code already exists").WriteAsync(request.Http.Response);
            return;
        }
        var response = (JsonObject)body.DeepClone();
        response["id"] = coupon.Id;
        response["code"] = coupon.Code;
        response["usage_count"] = 0;
        response["used_by"] = new JsonArray();
        response["date_created_gmt"] = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        await EmulatorHttp.WriteJsonAsync(request.Http.Response, 201, response);
    }

    private static JsonObject WebhookJson(EmulatedWebhook webhook, DateTimeOffset now)
    {
        var parts = webhook.Topic.Split('.', 2);
        var date = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        return new JsonObject
        {
            ["id"] = webhook.Id, ["name"] = webhook.Name, ["status"] = webhook.Status, ["topic"] = webhook.Topic,
            ["resource"] = parts[0], ["event"] = parts.Length > 1 ? parts[1] : "",
            ["hooks"] = new JsonArray("woocommerce_" + parts[0] + "_" + (parts.Length > 1 ? parts[1] : "")),
            ["delivery_url"] = webhook.DeliveryUrl, ["date_created"] = date, ["date_created_gmt"] = date,
            ["date_modified"] = date, ["date_modified_gmt"] = date,
        };
    }

    private static JsonObject ParseObject(string body)
    {
        try
        {
            return JsonNode.Parse(body.Length == 0 ? "{}" : body) as JsonObject ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static string? Text(JsonObject body, string name) =>
        body[name] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;
}
