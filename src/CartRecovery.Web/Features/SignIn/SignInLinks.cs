using CartRecovery.Core.Accounts;
using CartRecovery.Core.Recovery;
using Microsoft.Extensions.Options;

namespace CartRecovery.Web.Features.SignIn;

/// <summary>
/// Email-link sign-in: a single-use link valid 15 minutes, made for one address, sent only to a person who belongs
/// to an account. Asking answers the same whoever asks (no account enumeration); asking too often, per address or per
/// client, is refused.
/// </summary>
internal sealed class SignInLinks(ISignInLinkRepository links, IAccountRepository accounts, AccountEmails emails, IOptions<AccountsOptions> options,
    RecoveryOptions recovery, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan RateWindow = TimeSpan.FromHours(1);

    public static string Normalize(string email) => PersonEmail.Normalize(email);

    /// <summary>Counts the request against the limits and, when the address belongs to a person with an account, emails the link.</summary>
    /// <param name="client">The client's IP address, for the per-client limit.</param>
    public async Task<SignInRequestOutcome> RequestAsync(string email, string client, string language, string? returnUrl, CancellationToken ct)
    {
        email = Normalize(email);
        var since = time.GetUtcNow() - RateWindow;
        if (await links.CountForEmailSinceAsync(email, since, ct) >= options.Value.SignInLinksPerAddressPerHour)
            return SignInRequestOutcome.TooManyForAddress;
        if (await links.CountFromSinceAsync(client, since, ct) >= options.Value.SignInLinksPerClientPerHour)
            return SignInRequestOutcome.TooManyFromClient;
        // Stored whoever asks, so the limits count every request; only a person with an account is sent the link.
        var link = await IssueAsync(email, client, returnUrl, ct);
        if (await CanSignInAsync(email, ct))
            await emails.SendSignInLinkAsync(email, link, language, ct);
        return SignInRequestOutcome.Accepted;
    }

    /// <summary>A fresh link for the address, not sent anywhere (the demo's console, the operator's CLI verb, WooCommerce connect).</summary>
    public async Task<Uri> IssueAsync(string email, string? requestedFrom, string? returnUrl, CancellationToken ct)
    {
        email = Normalize(email);
        var token = SecretToken.New();
        var now = time.GetUtcNow();
        await links.CreateAsync(SecretToken.Hash(token), email, requestedFrom, now, now + Lifetime, ct);
        var query = $"token={token}&email={Uri.EscapeDataString(email)}"
            + (LocalUrl.IsLocal(returnUrl) && returnUrl != LocalUrl.Home ? "&returnUrl=" + Uri.EscapeDataString(returnUrl!) : "");
        return new Uri(recovery.PublicBaseUrl, "sign-in/link?" + query);
    }

    /// <summary>Uses the link up (whatever comes next) and returns the person it signs in, or why not.</summary>
    public async Task<(User? User, SignInLinkRefusal Refusal)> ConsumeAsync(string? token, string? email, CancellationToken ct)
    {
        if (SecretToken.TryHash(token) is not { } hash || await links.ConsumeAsync(hash, time.GetUtcNow(), ct) is not { } madeFor)
            return (null, SignInLinkRefusal.ExpiredOrUsed);
        if (email is null || !string.Equals(Normalize(email), madeFor, StringComparison.Ordinal))
            return (null, SignInLinkRefusal.OtherAddress);
        var user = await accounts.FindUserByEmailAsync(madeFor, ct);
        if (user is null || (await accounts.ListMembershipsOfUserAsync(user.Id, ct)).Count == 0)
            return (null, SignInLinkRefusal.NoAccount);
        return (user, SignInLinkRefusal.None);
    }

    public async Task<bool> CanSignInAsync(string email, CancellationToken ct) =>
        await accounts.FindUserByEmailAsync(Normalize(email), ct) is { } user
        && (await accounts.ListMembershipsOfUserAsync(user.Id, ct)).Count > 0;
}

internal enum SignInRequestOutcome
{
    Accepted = 0,
    TooManyForAddress = 1,
    TooManyFromClient = 2,
}

internal enum SignInLinkRefusal
{
    None = 0,
    ExpiredOrUsed = 1,
    OtherAddress = 2,
    NoAccount = 3,
}
