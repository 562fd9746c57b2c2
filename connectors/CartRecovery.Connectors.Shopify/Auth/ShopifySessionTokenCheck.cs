namespace CartRecovery.Connectors.Shopify.Auth;

/// <summary>The outcome of verifying a session token: the verified token, or why it was refused.</summary>
internal sealed record ShopifySessionTokenCheck
{
    public ShopifySessionToken? Token { get; private init; }

    /// <summary>Why the token was refused, for logs and the API's problem detail (never echoes the token).</summary>
    public string? Failure { get; private init; }

    public bool IsValid => Token is not null;

    internal static ShopifySessionTokenCheck Valid(ShopifySessionToken token) => new() { Token = token };

    internal static ShopifySessionTokenCheck Refused(string failure) => new() { Failure = failure };
}
