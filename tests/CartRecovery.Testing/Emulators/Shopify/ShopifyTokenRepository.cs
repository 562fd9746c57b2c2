namespace CartRecovery.Testing.Emulators.Shopify;

/// <summary>
/// Authorization codes, access tokens and refresh tokens, following shopify.dev:
/// <list type="bullet">
/// <item>authorization-code-grant: a code is exchanged once;</item>
/// <item>offline-access-tokens: an expiring offline token lives 3600 s with a 90-day refresh token, and "only one
/// expiring offline token can be active per app/shop combination: acquiring a new expiring token will revoke all
/// previous expiring tokens for that shop";</item>
/// <item>changelog "More resilient refreshes for expiring offline access tokens" (2026-08-28): a used refresh token
/// stays usable until its replacement is first used, at most 30 days after its own first use.</item>
/// </list>
/// </summary>
internal sealed class ShopifyTokenRepository(ShopifyEmulatorState state)
{
    public const int AccessTokenLifetimeSeconds = 3600;
    public const int RefreshTokenLifetimeSeconds = 7_776_000;
    public const int OnlineTokenLifetimeSeconds = 86_399;
    private static readonly TimeSpan RefreshRetryWindow = TimeSpan.FromDays(30);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Grant> _codes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Access> _access = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RefreshToken> _refresh = new(StringComparer.Ordinal);

    private DateTimeOffset Now => state.Now;

    public string CreateCode(string scope, bool online)
    {
        var code = ShopifyEmulatorState.Hex($"code:{Guid.NewGuid()}");
        lock (_gate)
        {
            _codes[code] = new Grant(scope, online);
        }

        return code;
    }

    public ShopifyTokenGrant? ExchangeCode(string? code, bool expiring)
    {
        lock (_gate)
        {
            if (code is null || !_codes.TryGetValue(code, out var grant) || grant.Used)
            {
                return null;
            }

            grant.Used = true;
            return grant.Online ? IssueOnline(grant.Scope) : IssueOffline(grant.Scope, expiring);
        }
    }

    /// <summary>Null when the refresh token is unknown, expired, retired or past its retry window.</summary>
    public ShopifyTokenGrant? Refresh(string? refreshToken)
    {
        lock (_gate)
        {
            if (refreshToken is null || !_refresh.TryGetValue(refreshToken, out var token) || token.Retired || Now >= token.ExpiresAt
                || (token.FirstUsedAt is { } used && Now >= used + RefreshRetryWindow))
            {
                return null;
            }

            token.FirstUsedAt ??= Now;

            // Using a replacement retires the token it replaced (and any other replacement of that token).
            if (token.Parent is { } parent)
            {
                foreach (var other in _refresh.Values.Where(r => ReferenceEquals(r, parent) || (ReferenceEquals(r.Parent, parent) && !ReferenceEquals(r, token))))
                {
                    other.Retired = true;
                }
            }

            RevokeExpiringAccessTokens();
            var access = NewAccess(token.Scope, Now.AddSeconds(AccessTokenLifetimeSeconds));
            var replacement = NewRefresh(token.Scope, token);
            return new ShopifyTokenGrant(access.Value, token.Scope, AccessTokenLifetimeSeconds, replacement.Value, RefreshTokenLifetimeSeconds, Online: false);
        }
    }

    /// <summary>Token exchange of a non-expiring offline token for an expiring one (offline-access-tokens, "Migrating").</summary>
    public ShopifyTokenGrant? Migrate(string? subjectToken)
    {
        lock (_gate)
        {
            if (subjectToken is null || !_access.TryGetValue(subjectToken, out var old) || old.Revoked || old.ExpiresAt is not null || old.Online)
            {
                return null;
            }

            old.Revoked = true;
            return IssueOffline(old.Scope, expiring: true);
        }
    }

    public ShopifyTokenGrant Issue(string scope, bool expiring) => Issue(scope, online: false, expiring);

    /// <summary>A token granted without a code: token exchange of a session token, or a test minting one.</summary>
    public ShopifyTokenGrant Issue(string scope, bool online, bool expiring)
    {
        lock (_gate)
        {
            return online ? IssueOnline(scope) : IssueOffline(scope, expiring);
        }
    }

    public bool IsValid(string? accessToken) => ScopeOf(accessToken) is not null;

    /// <summary>The scopes granted to a usable access token, or null when the token is not usable.</summary>
    public string? ScopeOf(string? accessToken)
    {
        lock (_gate)
        {
            return accessToken is not null && _access.TryGetValue(accessToken, out var token) && !token.Revoked
                && (token.ExpiresAt is null || Now < token.ExpiresAt)
                ? token.Scope
                : null;
        }
    }

    /// <summary>Makes every expiring access token expire now; refresh tokens keep working.</summary>
    public void ExpireAccessTokens()
    {
        lock (_gate)
        {
            foreach (var token in _access.Values.Where(t => t.ExpiresAt is not null))
            {
                token.ExpiresAt = Now;
            }
        }
    }

    /// <summary>What app/uninstalled implies: every token of the app for this shop stops working.</summary>
    public void RevokeAll()
    {
        lock (_gate)
        {
            foreach (var token in _access.Values)
            {
                token.Revoked = true;
            }

            foreach (var token in _refresh.Values)
            {
                token.Retired = true;
            }
        }
    }

    private ShopifyTokenGrant IssueOffline(string scope, bool expiring)
    {
        if (!expiring)
        {
            return new ShopifyTokenGrant(NewAccess(scope, null).Value, scope, null, null, null, Online: false);
        }

        RevokeExpiringAccessTokens();
        foreach (var refresh in _refresh.Values)
        {
            refresh.Retired = true;
        }

        var access = NewAccess(scope, Now.AddSeconds(AccessTokenLifetimeSeconds));
        var refreshToken = NewRefresh(scope, null);
        return new ShopifyTokenGrant(access.Value, scope, AccessTokenLifetimeSeconds, refreshToken.Value, RefreshTokenLifetimeSeconds, Online: false);
    }

    private ShopifyTokenGrant IssueOnline(string scope)
    {
        var access = NewAccess(scope, Now.AddSeconds(OnlineTokenLifetimeSeconds), online: true);
        return new ShopifyTokenGrant(access.Value, scope, OnlineTokenLifetimeSeconds, null, null, Online: true);
    }

    private void RevokeExpiringAccessTokens()
    {
        foreach (var token in _access.Values.Where(t => t.ExpiresAt is not null && !t.Online))
        {
            token.Revoked = true;
        }
    }

    private Access NewAccess(string scope, DateTimeOffset? expiresAt, bool online = false)
    {
        var prefix = online ? "shpua_" : "shpat_";
        var token = new Access(prefix + ShopifyEmulatorState.Hex($"access:{Guid.NewGuid()}"), scope, online) { ExpiresAt = expiresAt };
        _access[token.Value] = token;
        return token;
    }

    private RefreshToken NewRefresh(string scope, RefreshToken? parent)
    {
        var token = new RefreshToken("shprt_" + ShopifyEmulatorState.Hex($"refresh:{Guid.NewGuid()}"), scope, Now.AddSeconds(RefreshTokenLifetimeSeconds), parent);
        _refresh[token.Value] = token;
        return token;
    }

    // Classes, not records: tokens are compared by identity and mutate as they are used.
    private sealed class Grant(string scope, bool online)
    {
        public string Scope { get; } = scope;

        public bool Online { get; } = online;

        public bool Used { get; set; }
    }

    private sealed class Access(string value, string scope, bool online)
    {
        public string Value { get; } = value;

        public string Scope { get; } = scope;

        public bool Online { get; } = online;

        public DateTimeOffset? ExpiresAt { get; set; }

        public bool Revoked { get; set; }
    }

    private sealed class RefreshToken(string value, string scope, DateTimeOffset expiresAt, RefreshToken? parent)
    {
        public string Value { get; } = value;

        public string Scope { get; } = scope;

        public DateTimeOffset ExpiresAt { get; } = expiresAt;

        public RefreshToken? Parent { get; } = parent;

        public DateTimeOffset? FirstUsedAt { get; set; }

        public bool Retired { get; set; }
    }
}
