namespace CartRecovery.Testing.Emulators.Shopify;

/// <summary>One request the emulator received, kept so tests can assert what a client sent.</summary>
public sealed record ShopifyRecordedRequest(
    string Method,
    string Path,
    string QueryString,
    IReadOnlyDictionary<string, string> Headers,
    string Body,
    DateTimeOffset ReceivedAt)
{
    /// <summary>A header value by case-insensitive name, or null.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
