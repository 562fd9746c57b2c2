namespace CartRecovery.Core.Accounts;

/// <summary>Why an embedded request has no caller.</summary>
public enum EmbeddedFailure
{
    None = 0,
    /// <summary>Missing, malformed, forged or stale session token: the platform's admin (Shopify's App Bridge) should fetch a fresh one and retry.</summary>
    InvalidToken = 1,
    /// <summary>The token is good but the shop could not be installed (Shopify refused or was unreachable).</summary>
    InstallFailed = 2,
    /// <summary>An owner removed this store from the person's membership.</summary>
    NoAccess = 3,
}
