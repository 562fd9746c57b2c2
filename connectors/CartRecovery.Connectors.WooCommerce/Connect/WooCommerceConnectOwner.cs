using System.Text.Json;
using CartRecovery.Core.Accounts;
using CartRecovery.Core.Stores;
using Microsoft.AspNetCore.Http;

namespace CartRecovery.Connectors.WooCommerce.Connect;

/// <summary>
/// Door 3: who owns a shop connected through WooCommerce's key authorization. The start remembers who is connecting
/// (a signed-in person, or an email typed in) and a nonce whose cookie stays in the starting browser; the callback is
/// server-to-server and carries no cookie, so it leaves a grant keyed by the nonce, which only that browser can redeem
/// on its way back (<see cref="RedeemAsync"/>).
/// </summary>
internal sealed class WooCommerceConnectOwner(IAccountRepository accounts, IPendingConnectionRepository pending, IPersonSignIn people,
    TimeProvider time)
{
    public const string NonceCookie = "cr_connect";
    public const string CookiePath = "/connect/woocommerce";
    private const string GrantPlatform = "woocommerce-sign-in";
    private static readonly TimeSpan GrantLifetime = TimeSpan.FromHours(1);

    /// <summary>
    /// Gives the new store's account its owner: the signed-in person, a new person by the typed email (signed in when
    /// the starting browser returns), or, for an email that already belongs to someone, that person, who is sent a
    /// sign-in link rather than signed in (the connect proved control of the shop, not of the mailbox). A store that
    /// existed before (a reconnect) keeps its account and nobody gains access through it.
    /// </summary>
    public async Task CompleteAsync(ConnectStart start, Store store, bool isNew, int maxPending, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(store);
        if (!isNew || store.AccountId is not { } accountId)
            return;
        var now = time.GetUtcNow();
        long userId;
        var signIn = true;
        if (start.UserId is { } signedIn)
            userId = signedIn;
        else if (start.Email is { } email)
        {
            var known = await accounts.FindUserByEmailAsync(email, ct);
            userId = (known ?? await accounts.GetOrCreateUserByEmailAsync(email, now, ct)).Id;
            signIn = known is null;
        }
        else
            return;
        await accounts.SetMembershipAsync(new Membership { AccountId = accountId, UserId = userId, Role = AccountRole.Owner, CreatedAt = now }, ct);
        if (!signIn)
            await people.SendSignInLinkAsync(start.Email!, "woocommerce-connect", start.Language, ct);
        if (start.NonceHash.Length == 0)
            return;
        var grant = JsonSerializer.Serialize(new Grant(userId, accountId, signIn));
        await pending.TryCreateAsync(start.NonceHash, GrantPlatform, grant, now, now + GrantLifetime, maxPending, ct);
    }

    /// <summary>
    /// The grant the callback left for the browser presenting the nonce cookie, used up; null for a missing or forged
    /// nonce, or when the callback left nothing for it.
    /// </summary>
    public async Task<Grant?> RedeemAsync(HttpContext http, CancellationToken ct)
    {
        var nonce = http.Request.Cookies[NonceCookie];
        if (SecretToken.TryHash(nonce) is not { } hash)
            return null;
        var payload = await pending.ConsumeAsync(Convert.ToHexString(hash), GrantPlatform, time.GetUtcNow(), ct);
        return payload is null ? null : JsonSerializer.Deserialize<Grant>(payload);
    }

    /// <summary>A new nonce for the starting browser: the cookie's value, and the hash the pending connection keeps.</summary>
    public static (string Nonce, string Hash) NewNonce()
    {
        var nonce = SecretToken.New();
        return (nonce, Convert.ToHexString(SecretToken.Hash(nonce)));
    }

    /// <summary>What the callback left for the starting browser: sign this person in (or switch them) to the new account.</summary>
    internal sealed record Grant(long UserId, long AccountId, bool SignIn);
}

/// <summary>What the start of a connection remembers (the pending connection's payload).</summary>
internal sealed record ConnectStart(string Site, long? UserId, string? Email, string NonceHash, string Language)
{
    public string ToJson() => JsonSerializer.Serialize(this);

    /// <summary>Reads a payload; one written before sign-in existed holds just the site address.</summary>
    public static ConnectStart Parse(string payload) =>
        payload.StartsWith('{') ? JsonSerializer.Deserialize<ConnectStart>(payload)! : new ConnectStart(payload, null, null, "", WooCommerceConnectTexts.English);
}
