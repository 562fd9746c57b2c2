using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace CartRecovery.Testing.Emulators.Shopify;

/// <summary>Writing Shopify-style responses.</summary>
internal static class ShopifyHttp
{
    public static async Task WriteAsync(HttpResponse response, int status, JsonNode body)
    {
        response.StatusCode = status;
        response.ContentType = "application/json; charset=utf-8";
        await response.WriteAsync(ShopifyJson.Write(body));
    }

    /// <summary>
    /// Injected failures. 429 carries Retry-After and the REST rate-limit message (shopify.dev api/usage/limits);
    /// 5xx carry {"errors": reason}, the shape of Shopify's other error bodies.
    /// </summary>
    public static Task WriteFaultAsync(HttpResponse response, int status)
    {
        if (status == StatusCodes.Status429TooManyRequests)
        {
            response.Headers.RetryAfter = "2.0";
            return WriteAsync(response, status,
                new JsonObject { ["errors"] = "Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service." });
        }

        return WriteAsync(response, status, new JsonObject { ["errors"] = ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } reason ? reason : "Error" });
    }
}
