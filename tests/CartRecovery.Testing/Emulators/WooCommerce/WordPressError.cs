using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace CartRecovery.Testing.Emulators.WooCommerce;

/// <summary>WordPress's REST error envelope: <c>{"code":…,"message":…,"data":{"status":…}}</c> (WP_Error → JSON).</summary>
internal sealed record WordPressError(int Status, string Code, string Message, JsonObject? ExtraData = null)
{
    public static WordPressError NoRoute() => new(404, "rest_no_route", "No route was found matching the URL and request method.");

    public static WordPressError InvalidParam(string param, string why) =>
        new(400, "rest_invalid_param", $"Invalid parameter(s): {param}", new JsonObject { ["params"] = new JsonObject { [param] = why } });

    public static WordPressError MissingParams(params string[] names) =>
        new(400, "rest_missing_callback_param", $"Missing parameter(s): {string.Join(", ", names)}",
            new JsonObject { ["params"] = new JsonArray([.. names.Select(n => JsonValue.Create(n))]) });

    public JsonObject ToJson()
    {
        var data = new JsonObject { ["status"] = Status };
        if (ExtraData is not null)
        {
            foreach (var (key, value) in ExtraData)
                data[key] = value?.DeepClone();
        }
        return new JsonObject { ["code"] = Code, ["message"] = Message, ["data"] = data };
    }

    public Task WriteAsync(HttpResponse response) => EmulatorHttp.WriteJsonAsync(response, Status, ToJson());
}
