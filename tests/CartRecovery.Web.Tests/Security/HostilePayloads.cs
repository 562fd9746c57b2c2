using System.Text;

namespace CartRecovery.Web.Tests.Security;

/// <summary>The fixed attacks: malformed and undecodable bodies, deep and huge ones, wrong media types, odd numbers, long headers.</summary>
public static class HostilePayloads
{
    public const string Json = "application/json";
    public const string InvalidUtf8Name = "invalid UTF-8 in every field";

    private const int Deep = 10_000;

    /// <summary>The few payloads sent with every route fill (the others go with the tenant's own ids only).</summary>
    public static IReadOnlyList<HostilePayload> Basic { get; } =
    [
        new("empty body, no content type", Refusal.Always, null, null),
        new("truncated JSON", Refusal.Always, HostilePayload.Utf8("{\"a\":"), Json),
        new("raw invalid UTF-8", Refusal.Always, [0xFF, 0xFE, 0xC3, 0x28, 0xA0, 0xA1], Json),
    ];

    /// <summary>Everything, aimed at the endpoint's own JSON fields where a value goes into fields.</summary>
    public static IReadOnlyList<HostilePayload> For(AttackSurface surface)
    {
        var fields = surface.FieldNames;
        var list = new List<HostilePayload>(Basic)
        {
            new("empty JSON body", Refusal.Always, [], Json),
            new("whitespace only", Refusal.Always, HostilePayload.Utf8(" \r\n\t "), Json),
            new("trailing comma", Refusal.Always, HostilePayload.Utf8("{\"a\":1,}"), Json),
            new("single quotes", Refusal.Always, HostilePayload.Utf8("{'a':1}"), Json),
            new("comment", Refusal.Always, HostilePayload.Utf8("/* hi */ {}"), Json),
            new("two documents", Refusal.Always, HostilePayload.Utf8("{} {}"), Json),
            new("NUL bytes", Refusal.Always, [0x7B, 0x00, 0x00, 0x7D], Json),
            new($"{Deep} nested arrays", Refusal.Always, HostilePayload.Utf8(new string('[', Deep) + new string(']', Deep)), Json),
            new($"{Deep} nested objects", Refusal.Always, HostilePayload.Utf8(string.Concat(Enumerable.Repeat("{\"a\":", Deep)) + "1" + new string('}', Deep)), Json),
            new("100,000 unclosed brackets", Refusal.Always, HostilePayload.Utf8(new string('[', 100_000)), Json),
            new("2 MiB JSON with its length", Refusal.Always, HostilePayload.Utf8("{\"pad\":\"" + new string('a', 2 * 1024 * 1024) + "\"}"), Json),
            new("JSON null", Refusal.TypedJson, HostilePayload.Utf8("null"), Json),
            new("JSON array", Refusal.TypedJson, HostilePayload.Utf8("[]"), Json),
            new("JSON string", Refusal.TypedJson, HostilePayload.Utf8("\"x\""), Json),
            new("valid JSON as text/plain", Refusal.TypedJson, HostilePayload.Utf8("{}"), "text/plain"),
            new("valid JSON without a content type", Refusal.TypedJson, HostilePayload.Utf8("{}"), null),
            new("form post", Refusal.TypedJson, HostilePayload.Utf8("a=1&b=2"), "application/x-www-form-urlencoded"),
            new("multipart with a bogus boundary", Refusal.TypedJson, HostilePayload.Utf8("--x\r\n\r\n"), "multipart/form-data; boundary=y"),
            new("unknown charset", Refusal.TypedJson, HostilePayload.Utf8("{}"), "application/json; charset=x-hostile"),
            new("UTF-16 charset on UTF-8 bytes", Refusal.Never, HostilePayload.Utf8("{}"), "application/json; charset=utf-16"),
            new("garbage content type", Refusal.TypedJson, HostilePayload.Utf8("{}"), "%%%/;;;="),
            new("byte order mark", Refusal.Never, [0xEF, 0xBB, 0xBF, 0x7B, 0x7D], Json),
            new("2^63 in every field", Refusal.TypedJson, Fields(fields, "9223372036854775808"), Json),
            new("-2^63-1 in every field", Refusal.TypedJson, Fields(fields, "-9223372036854775809"), Json),
            new("1e400 in every field", Refusal.TypedJson, Fields(fields, "1e400"), Json),
            new("-1e400 in every field", Refusal.TypedJson, Fields(fields, "-1e400"), Json),
            new("-0 in every field", Refusal.Never, Fields(fields, "-0"), Json),
            new("\"NaN\" in every field", Refusal.Never, Fields(fields, "\"NaN\""), Json),
            new("\"-Infinity\" in every field", Refusal.Never, Fields(fields, "\"-Infinity\""), Json),
            new("objects in every field", Refusal.TypedJson, Fields(fields, "{}"), Json),
            new("true in every field", Refusal.TypedJson, Fields(fields, "true"), Json),
            new("null in every field", Refusal.Never, Fields(fields, "null"), Json),
            new("100,000 characters in every field", Refusal.Never, Fields(fields, "\"" + new string('x', 100_000) + "\""), Json),
            new("lone surrogate in every field", Refusal.Never, Fields(fields, "\"\\ud800\""), Json),
            new("control characters in every field", Refusal.Never, Fields(fields, "\"a\\r\\nb\\u0000c\\u001b\""), Json),
            new(InvalidUtf8Name, Refusal.TypedJson, Fields(fields, "\"\u0001\"", invalidUtf8: true), Json),
            new("16 KiB header", Refusal.Never, HostilePayload.Utf8("{}"), Json) { Headers = [("X-Hostile", new string('h', 16 * 1024))] },
            new("64 KiB of headers", Refusal.Always, HostilePayload.Utf8("{}"), Json)
            {
                Headers = [.. Enumerable.Range(0, 8).Select(i => ($"X-Hostile-{i}", new string('h', 8 * 1024)))], AnsweredByServer = true,
            },
            new("non-ASCII header bytes", Refusal.Never, HostilePayload.Utf8("{}"), Json) { Headers = [("X-Hostile", "é\u00ff\u4e2d")] },
            new("10,000-character X-Forwarded-For", Refusal.Never, HostilePayload.Utf8("{}"), Json) { Headers = [("X-Forwarded-For", new string('9', 10_000))] },
            new("10,000-character bearer token", Refusal.Never, HostilePayload.Utf8("{}"), Json) { Headers = [("Authorization", "Bearer " + new string('k', 10_000))] },
        };
        // Streaming 50 MiB at an endpoint that never reads a body only measures how fast Kestrel drains it.
        if (surface.ReadsBody || surface.Method != "GET")
            list.Add(new("50 MiB streamed without a length", Refusal.Always, null, Json) { StreamedBytes = 50L * 1024 * 1024 });
        return list;
    }

    /// <summary>'{"a":v,"b":v,…}' for every field; with invalidUtf8, each \u0001 placeholder becomes the bytes C3 28 FF.</summary>
    public static byte[] Fields(IReadOnlyList<string> fields, string value, bool invalidUtf8 = false)
    {
        var text = "{" + string.Join(',', fields.Select(f => $"\"{f}\":{value}")) + "}";
        var bytes = Encoding.UTF8.GetBytes(text);
        return invalidUtf8 ? bytes.SelectMany(b => b == 0x01 ? new byte[] { 0xC3, 0x28, 0xFF } : [b]).ToArray() : bytes;
    }
}
