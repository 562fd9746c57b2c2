namespace CartRecovery.Core.Stores;

/// <summary>
/// The fields of a connection request as the caller wrote them (camelCase names: <c>shopDomain</c>, <c>accessToken</c>,
/// <c>siteUrl</c>...). Each <see cref="IStoreConnector"/> reads the ones its platform needs.
/// </summary>
public sealed record StoreConnectionRequest(IReadOnlyDictionary<string, string?> Fields)
{
    /// <summary>The field's value as given (not trimmed), or null when it is absent.</summary>
    public string? this[string field] => Fields.TryGetValue(field, out var value) ? value : null;

    /// <summary>Whether the field is absent or blank, or an absolute http(s) URL (an optional API address).</summary>
    public bool IsHttpUrlOrAbsent(string field) =>
        this[field] is not { } value || string.IsNullOrWhiteSpace(value)
        || (Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp));
}
