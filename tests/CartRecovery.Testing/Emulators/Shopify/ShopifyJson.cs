using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CartRecovery.Testing.Emulators.Shopify;

/// <summary>JSON as Shopify writes it: no HTML-safe escaping of ' &amp; + &lt; &gt; (System.Text.Json escapes them by default).</summary>
internal static class ShopifyJson
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(JsonNode node) => node.ToJsonString(Options);

    /// <summary>A float that keeps its ".0", as Shopify sends throttleStatus.maximumAvailable (2000.0).</summary>
    public static JsonNode Float(double value) =>
        JsonNode.Parse(value == Math.Floor(value)
            ? value.ToString("0.0", CultureInfo.InvariantCulture)
            : value.ToString("R", CultureInfo.InvariantCulture))!;
}
