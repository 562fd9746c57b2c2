using CartRecovery.Core.Accounts;
using CartRecovery.Core.Recovery;
using Microsoft.Extensions.Options;

namespace CartRecovery.Web.Features.SignIn;

/// <summary>
/// The session cookie of a person signed in outside Shopify: a random token (HttpOnly, SameSite=Lax, Secure when the
/// public address is https) whose SHA-256 alone is stored (<see cref="ISessionRepository"/>).
/// </summary>
internal sealed class SessionCookie(ISessionRepository sessions, IAccountRepository accounts, IOptions<AccountsOptions> options,
    RecoveryOptions recovery, TimeProvider time)
{
    public const string Name = "cr_session";

    public SessionLifetime Lifetime { get; } = new(TimeSpan.FromHours(options.Value.SessionIdleHours), TimeSpan.FromDays(options.Value.SessionDays));

    public bool Secure => recovery.PublicBaseUrl.Scheme == Uri.UriSchemeHttps;

    /// <summary>The SHA-256 of the token this browser presents, or null.</summary>
    public static byte[]? Read(HttpContext http) => SecretToken.TryHash(http.Request.Cookies[Name]);

    /// <summary>
    /// Starts a session for the person in the account and gives this browser its cookie. A session the browser held
    /// before ends: every sign-in gets a fresh token (nobody can plant a token and wait for it to be signed in).
    /// </summary>
    public async Task SignInAsync(HttpContext http, long userId, long? accountId, CancellationToken ct)
    {
        if (Read(http) is { } earlier)
            await sessions.DeleteAsync(earlier, ct);
        var token = SecretToken.New();
        var now = time.GetUtcNow();
        var session = Lifetime.Start(SecretToken.Hash(token), userId, accountId, now);
        await sessions.CreateAsync(session, ct);
        await accounts.RecordSignInAsync(userId, now, ct);
        http.Response.Cookies.Append(Name, token, CookieOptions(session.ExpiresAt));
    }

    /// <summary>Ends this browser's session.</summary>
    public async Task SignOutAsync(HttpContext http, CancellationToken ct)
    {
        if (Read(http) is { } hash)
            await sessions.DeleteAsync(hash, ct);
        http.Response.Cookies.Delete(Name, CookieOptions(null));
    }

    /// <summary>
    /// The live session this browser presents (not expired, not idle too long), or null. The authentication handler
    /// keeps it on the request, so endpoints don't read it twice.
    /// </summary>
    public async Task<UserSession?> FindLiveAsync(HttpContext http, CancellationToken ct)
    {
        if (http.Items.TryGetValue(typeof(UserSession), out var known))
            return known as UserSession;
        UserSession? live = null;
        if (Read(http) is { } hash && await sessions.FindAsync(hash, ct) is { } session && Lifetime.IsAlive(session, time.GetUtcNow()))
            live = session;
        http.Items[typeof(UserSession)] = live;
        return live;
    }

    public CookieOptions CookieOptions(DateTimeOffset? expires) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Lax,
        Secure = Secure,
        Path = "/",
        Expires = expires,
        IsEssential = true,
    };
}
