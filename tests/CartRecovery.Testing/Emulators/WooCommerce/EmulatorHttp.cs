using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace CartRecovery.Testing.Emulators.WooCommerce;

internal static class EmulatorHttp
{
    public static async Task WriteJsonAsync(HttpResponse response, int status, JsonNode body)
    {
        response.StatusCode = status;
        response.ContentType = "application/json; charset=UTF-8";
        await response.WriteAsync(PhpJson.Serialize(body), Encoding.UTF8);
    }

    /// <summary>WordPress's <c>wp_die()</c> page: what a browser sees when wc-auth fails.</summary>
    public static async Task WriteDieAsync(HttpResponse response, int status, string message)
    {
        response.StatusCode = status;
        response.ContentType = "text/html; charset=UTF-8";
        await response.WriteAsync($"<!DOCTYPE html><html><head><title>Access denied</title></head><body><p>Error: {System.Net.WebUtility.HtmlEncode(message)}.</p></body></html>", Encoding.UTF8);
    }
}
