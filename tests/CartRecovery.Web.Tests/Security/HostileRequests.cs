using System.Net.Http.Headers;
using System.Text;

namespace CartRecovery.Web.Tests.Security;

/// <summary>Single hostile requests for the named regression tests, sent over the same loopback HTTP as the suite.</summary>
internal static class HostileRequests
{
    public static async Task<HttpResponseMessage> SendAsync(this HostileHost host, HttpMethod method, string path, byte[]? body,
        string? contentType = HostilePayloads.Json, bool admin = true, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            if (contentType is not null)
                request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }
        if (admin)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", CartRecoveryAppFactory.AdminKey);
        foreach (var (name, value) in headers)
            request.Headers.TryAddWithoutValidation(name, value);
        // A body the server refuses by its length is answered before it is read: "Expect: 100-continue" makes the
        // client wait for that answer instead of writing into a connection Kestrel is closing (a reset, not a 413).
        var refusedByLength = body is { Length: > 1024 * 1024 };
        request.Headers.ExpectContinue = refusedByLength;
        return await host.SendAsync(request, ownConnection: refusedByLength);
    }

    public static Task<HttpResponseMessage> SendJsonAsync(this HostileHost host, HttpMethod method, string path, string json, bool admin = true) =>
        host.SendAsync(method, path, Encoding.UTF8.GetBytes(json), admin: admin);

    /// <summary>'{"field":"&lt;C3 28 FF&gt;"}': a JSON string holding bytes that are not UTF-8.</summary>
    public static byte[] InvalidUtf8Field(string field) => HostilePayloads.Fields([field], "\"\u0001\"", invalidUtf8: true);

    public static string Hmac(string secret, byte[] body) =>
        Convert.ToBase64String(System.Security.Cryptography.HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
}
