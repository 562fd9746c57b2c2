using System.Globalization;
using System.Text.RegularExpressions;
using System.Text.Json.Nodes;

namespace CartRecovery.Testing.Emulators.WooCommerce;

/// <summary>
/// <c>GET /wc/v3/orders</c> and <c>/orders/{id}</c> as WC_REST_Orders_Controller answers them: WordPress validates the
/// collection parameters first (400 <c>rest_invalid_param</c>), then the permission callback runs, then the query:
/// <c>modified_after</c> is an exclusive date_query on <c>post_modified(_gmt)</c>, <c>orderby</c> date/modified gets
/// the id as tie-break, pages come with <c>X-WP-Total</c>, <c>X-WP-TotalPages</c> and prev/next <c>Link</c>s.
/// </summary>
internal static partial class EmulatorOrders
{
    private static readonly string[] OrderBy = ["date", "id", "include", "title", "slug", "modified"];
    private static readonly string[] KnownStatuses = ["pending", "processing", "on-hold", "completed", "cancelled", "refunded", "failed"];

    public static async Task ListAsync(EmulatorRequest request, EmulatorState state, WooCommerceEmulatorOptions options, Uri baseUrl)
    {
        var statuses = request.ListParam("status") ?? ["any"];
        var allowed = KnownStatuses.Concat(options.SupportsCheckoutDraft ? ["checkout-draft"] : []).Concat(["any", "trash"]).ToHashSet();
        if (statuses.Any(s => !allowed.Contains(s)))
        {
            await WordPressError.InvalidParam("status", $"status[0] is not one of {string.Join(", ", allowed)}.").WriteAsync(request.Http.Response);
            return;
        }
        if (!Integer(request.Param("page") ?? "1", out var page) || page < 1)
        {
            await WordPressError.InvalidParam("page", "page must be greater than or equal to 1").WriteAsync(request.Http.Response);
            return;
        }
        if (!Integer(request.Param("per_page") ?? "10", out var perPage) || perPage is < 1 or > 100)
        {
            await WordPressError.InvalidParam("per_page", "per_page must be between 1 (inclusive) and 100 (inclusive)").WriteAsync(request.Http.Response);
            return;
        }
        var orderBy = request.Param("orderby") ?? "date";
        var order = request.Param("order") ?? "desc";
        if (!OrderBy.Contains(orderBy) || order is not ("asc" or "desc"))
        {
            await WordPressError.InvalidParam(OrderBy.Contains(orderBy) ? "order" : "orderby", "is not one of the allowed values.").WriteAsync(request.Http.Response);
            return;
        }
        var gmt = request.Param("dates_are_gmt") is { } flag ? flag is "1" or "true" : false;
        DateTime? modifiedAfter = null;
        if (request.Param("modified_after") is { } after)
        {
            if (!WpDate().IsMatch(after))
            {
                await WordPressError.InvalidParam("modified_after", "Invalid date.").WriteAsync(request.Http.Response);
                return;
            }
            modifiedAfter = DateTime.Parse(after[..19], CultureInfo.InvariantCulture);
        }
        if (request.Key is null)
        {
            await new WordPressError(401, "woocommerce_rest_cannot_view", "Sorry, you cannot list resources.").WriteAsync(request.Http.Response);
            return;
        }

        List<JsonObject> matching;
        lock (state.Gate)
        {
            var dateField = gmt ? "date_modified_gmt" : "date_modified";
            matching = state.Orders.Values
                .Where(o => Matches(o["status"]!.GetValue<string>(), statuses))
                .Where(o => modifiedAfter is null || Date(o, dateField) > modifiedAfter)
                .Select(o => (JsonObject)o.DeepClone())
                .ToList();
        }
        var key = orderBy switch
        {
            "modified" => (Func<JsonObject, DateTime>)(o => Date(o, "date_modified_gmt")),
            "date" => o => Date(o, "date_created_gmt"),
            _ => _ => DateTime.MinValue,
        };
        var sorted = order == "asc"
            ? matching.OrderBy(key).ThenBy(Id).ToList()
            : matching.OrderByDescending(key).ThenByDescending(Id).ToList();
        var totalPages = (int)Math.Ceiling(sorted.Count / (double)perPage);
        var pageItems = sorted.Skip((page - 1) * perPage).Take(perPage);

        var response = request.Http.Response;
        response.Headers["X-WP-Total"] = sorted.Count.ToString(CultureInfo.InvariantCulture);
        response.Headers["X-WP-TotalPages"] = totalPages.ToString(CultureInfo.InvariantCulture);
        var links = new List<string>();
        var self = new Uri(baseUrl, "wp-json/wc/v3/orders").AbsoluteUri;
        var query = string.Join("&", request.Get.Where(p => p.Key != "page" && !p.Key.StartsWith("oauth_", StringComparison.Ordinal))
            .Select(p => PhpQuery.RawUrlEncode(p.Key) + "=" + PhpQuery.RawUrlEncode(p.Value)));
        if (page > 1)
            links.Add($"<{self}?{query}&page={Math.Min(page - 1, Math.Max(totalPages, 1))}>; rel=\"prev\"");
        if (totalPages > page)
            links.Add($"<{self}?{query}&page={page + 1}>; rel=\"next\"");
        if (links.Count > 0)
            response.Headers.Link = string.Join(", ", links);
        await EmulatorHttp.WriteJsonAsync(response, 200, new JsonArray([.. pageItems]));
    }

    public static async Task GetAsync(EmulatorRequest request, EmulatorState state, long id)
    {
        if (request.Key is null)
        {
            await new WordPressError(401, "woocommerce_rest_cannot_view", "Sorry, you cannot view this resource.").WriteAsync(request.Http.Response);
            return;
        }
        JsonObject? found;
        lock (state.Gate)
            found = state.Orders.TryGetValue(id, out var o) ? (JsonObject)o.DeepClone() : null;
        if (found is null)
            await new WordPressError(404, "woocommerce_rest_shop_order_invalid_id", "Invalid ID.").WriteAsync(request.Http.Response);
        else
            await EmulatorHttp.WriteJsonAsync(request.Http.Response, 200, found);
    }

    // "any" is every status but trash and (since PR #63743) checkout drafts, which must be asked for by name.
    private static bool Matches(string status, List<string> wanted) =>
        wanted.Contains(status) || (wanted.Contains("any") && status is not ("trash" or "checkout-draft"));

    private static DateTime Date(JsonObject order, string field) =>
        DateTime.Parse(order[field]!.GetValue<string>(), CultureInfo.InvariantCulture);

    private static long Id(JsonObject order) => order["id"]!.GetValue<long>();

    private static bool Integer(string text, out int value) => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);

    /// <summary>rest_parse_date's pattern: a full date-time, optional fraction and zone.</summary>
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}(:?\d{2})?)?$")]
    private static partial Regex WpDate();
}
