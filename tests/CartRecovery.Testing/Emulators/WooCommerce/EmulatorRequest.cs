using Microsoft.AspNetCore.Http;

namespace CartRecovery.Testing.Emulators.WooCommerce;

/// <summary>One request as PHP would see it: raw path, <c>$_GET</c>, <c>$_POST</c>, the body, and the key that authenticated it.</summary>
internal sealed record EmulatorRequest(
    HttpContext Http,
    string Method,
    string RawPath,
    List<KeyValuePair<string, string>> Get,
    List<KeyValuePair<string, string>> Post,
    string Body,
    EmulatedApiKey? Key)
{
    public string? Param(string name) => Get.LastOrDefault(p => p.Key == name).Value;

    /// <summary>A list parameter sent as <c>a=x,y</c> or <c>a[]=x&amp;a[]=y</c> (WordPress's <c>wp_parse_list</c>).</summary>
    public List<string>? ListParam(string name)
    {
        var items = Get.Where(p => p.Key == name || p.Key.StartsWith(name + "[", StringComparison.Ordinal))
            .SelectMany(p => p.Value.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToList();
        return items.Count == 0 && !Get.Any(p => p.Key == name || p.Key.StartsWith(name + "[", StringComparison.Ordinal)) ? null : items;
    }
}
