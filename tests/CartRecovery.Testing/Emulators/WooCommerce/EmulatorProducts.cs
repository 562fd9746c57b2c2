using System.Globalization;
using System.Text.Json.Nodes;

namespace CartRecovery.Testing.Emulators.WooCommerce;

/// <summary>
/// <c>GET /wc/v3/products/{id}</c> and <c>GET /wc/v3/products?include=…</c> as WC_REST_Products_Controller answers them:
/// a product carries <c>name</c> (HTML-escaped, as WordPress stores titles), <c>permalink</c>, <c>price</c> as a
/// decimal string, <c>images[].src</c>, <c>stock_status</c> and the ids the merchant relates to it:
/// <c>cross_sell_ids</c>, <c>upsell_ids</c> and the computed <c>related_ids</c>. An unknown id is 404
/// <c>woocommerce_rest_product_invalid_id</c>; the list keeps published products only unless <c>status</c> says otherwise.
/// </summary>
internal static class EmulatorProducts
{
    public static async Task GetAsync(EmulatorRequest request, EmulatorState state, long id)
    {
        if (request.Key is null)
        {
            await new WordPressError(401, "woocommerce_rest_cannot_view", "Sorry, you cannot view this resource.").WriteAsync(request.Http.Response);
            return;
        }
        JsonObject? product;
        lock (state.Gate)
            product = state.Products.TryGetValue(id, out var found) ? (JsonObject)found.DeepClone() : null;
        if (product is null)
            await new WordPressError(404, "woocommerce_rest_product_invalid_id", "Invalid ID.").WriteAsync(request.Http.Response);
        else
            await EmulatorHttp.WriteJsonAsync(request.Http.Response, 200, product);
    }

    public static async Task ListAsync(EmulatorRequest request, EmulatorState state)
    {
        if (request.Key is null)
        {
            await new WordPressError(401, "woocommerce_rest_cannot_view", "Sorry, you cannot list resources.").WriteAsync(request.Http.Response);
            return;
        }
        var include = request.ListParam("include")?.Select(i => long.TryParse(i, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : -1).ToList();
        if (include?.Contains(-1) == true)
        {
            await WordPressError.InvalidParam("include", "include[0] is not of type integer.").WriteAsync(request.Http.Response);
            return;
        }
        var perPage = int.TryParse(request.Param("per_page") ?? "10", NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1;
        if (perPage is < 1 or > 100)
        {
            await WordPressError.InvalidParam("per_page", "per_page must be between 1 (inclusive) and 100 (inclusive)").WriteAsync(request.Http.Response);
            return;
        }
        var status = request.Param("status") ?? "any";
        JsonArray page;
        lock (state.Gate)
        {
            page = [.. state.Products.Values
                .Where(p => include is null || include.Contains(p["id"]!.GetValue<long>()))
                .Where(p => status == "any" ? p["status"]!.GetValue<string>() != "trash" : p["status"]!.GetValue<string>() == status)
                .OrderByDescending(p => p["id"]!.GetValue<long>())
                .Take(perPage)
                .Select(p => p.DeepClone())];
        }
        await EmulatorHttp.WriteJsonAsync(request.Http.Response, 200, page);
    }
}
