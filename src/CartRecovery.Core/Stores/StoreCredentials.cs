namespace CartRecovery.Core.Stores;

/// <summary>
/// What a connector needs to call the platform for a store. Stored encrypted at rest (see <see cref="Security.ISecretProtector"/>);
/// never logged. Shopify: an access token (expiring hourly) and its rotating refresh token. WooCommerce: consumer key and
/// secret, and the webhook secret (in <see cref="Extra"/>).
/// </summary>
public sealed record StoreCredentials
{
    public required long StoreId { get; init; }
    public required string AccessToken { get; init; }
    public DateTimeOffset? AccessTokenExpiresAt { get; init; }
    public string? RefreshToken { get; init; }
    public DateTimeOffset? RefreshTokenExpiresAt { get; init; }
    /// <summary>The scopes the platform granted (comma-separated, as the platform reports them).</summary>
    public string? Scopes { get; init; }
    public IReadOnlyDictionary<string, string> Extra { get; init; } = new Dictionary<string, string>();
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>True when the access token expires within <paramref name="margin"/> of <paramref name="now"/>.</summary>
    public bool ExpiresWithin(TimeSpan margin, DateTimeOffset now) => AccessTokenExpiresAt is { } at && at - margin <= now;

    public override string ToString() => $"StoreCredentials {{ StoreId = {StoreId}, secrets hidden }}";
}
