using System.Text.Json;
using System.Text.Unicode;

namespace CartRecovery.Core.Webhooks;

/// <summary>
/// Reading what a platform posts, the same way for every inbound endpoint (webhooks, the connect callback, capture):
/// a bounded read of the raw body (signatures are computed over the bytes), then one strict JSON check.
/// </summary>
public static class WebhookBody
{
    /// <summary>Larger bodies are refused with 413: a checkout or order payload is a few KiB, 1 MiB is generous.</summary>
    public const int MaxBytes = 1024 * 1024;

    /// <summary>
    /// The raw body, or null when it exceeds <paramref name="maxBytes"/>. Reading stops at the limit, so a chunked body
    /// without a Content-Length cannot make us buffer more.
    /// </summary>
    public static async Task<byte[]?> ReadAsync(Stream body, long? contentLength, CancellationToken ct, int maxBytes = MaxBytes)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (contentLength > maxBytes)
            return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > maxBytes)
                return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    /// <summary>Whether the body is one JSON document: a signed body that is not is refused (400) rather than stored to fail forever.</summary>
    public static bool IsJson(byte[] body) => ParseJson(body) is not null;

    /// <summary>
    /// The body as one JSON document, or null when it is not one, is not UTF-8, or holds a string that does not decode
    /// (a lone surrogate escape). A JSON reader checks strings only when they are read, deep inside a handler, where the
    /// failure would be a 500 or a delivery that fails forever; every caller answers null with a 400 instead.
    /// </summary>
    public static JsonElement? ParseJson(byte[] body)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!Utf8.IsValid(body))
            return null;
        try
        {
            var root = JsonSerializer.Deserialize<JsonElement>(body);
            return Decodes(root) ? root : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool Decodes(JsonElement element)
    {
        try
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.String:
                    _ = element.GetString();
                    return true;
                case JsonValueKind.Array:
                    return element.EnumerateArray().All(Decodes);
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                    {
                        _ = property.Name;
                        if (!Decodes(property.Value))
                            return false;
                    }
                    return true;
                default:
                    return true;
            }
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
