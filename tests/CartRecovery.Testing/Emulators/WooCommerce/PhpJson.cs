using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CartRecovery.Testing.Emulators.WooCommerce;

/// <summary>
/// JSON as WordPress writes it (<c>wp_json_encode</c> = PHP <c>json_encode</c> with default flags): slashes escaped as
/// <c>\/</c> and every non-ASCII character as a lower-case <c>\uXXXX</c>. Webhook signatures cover these exact bytes.
/// </summary>
internal static class PhpJson
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Serialize(JsonNode node)
    {
        var json = node.ToJsonString(Relaxed);
        var builder = new StringBuilder(json.Length + 16);
        foreach (var c in json)
        {
            if (c == '/')
                builder.Append("\\/");
            else if (c > 0x7F)
                builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            else
                builder.Append(c);
        }
        return builder.ToString();
    }
}
