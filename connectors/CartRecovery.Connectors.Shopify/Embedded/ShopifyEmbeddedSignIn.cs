using CartRecovery.Connectors.Shopify.Auth;
using CartRecovery.Core.Accounts;
using Microsoft.Extensions.Logging;

namespace CartRecovery.Connectors.Shopify.Embedded;

/// <summary>
/// Door 1, Shopify embedded in the admin: a session token from App Bridge becomes a caller. The token is verified, the
/// shop installed if we don't have it (token exchange, no redirect), and the Shopify staff user (<c>sub</c>, known as
/// <c>shopify</c> / <c>{shop}/{sub}</c>) becomes a member of the store's account on first visit: owner, of that store
/// only. Who may open the app at all is Shopify's staff permissions' decision, not ours. The caller's scope is always
/// that one store, whatever else the account holds.
/// </summary>
internal sealed partial class ShopifyEmbeddedSignIn(
    ShopifySessionTokenVerifier verifier, ShopifyManagedInstall install, IAccountRepository accounts, TimeProvider time,
    ILogger<ShopifyEmbeddedSignIn> logger) : IEmbeddedSignIn
{
    public const string LoginProvider = "shopify";

    /// <inheritdoc />
    public async Task<EmbeddedCaller> SignInAsync(string? sessionToken, bool recordSignIn, CancellationToken ct)
    {
        var check = verifier.Verify(sessionToken);
        if (!check.IsValid)
        {
            SessionTokenRefused(logger, check.Failure!);
            return EmbeddedCaller.Refused(EmbeddedFailure.InvalidToken, check.Failure!);
        }

        var token = check.Token!;
        var installed = await install.EnsureInstalledAsync(token, ct);
        if (!installed.Succeeded)
        {
            InstallFailed(logger, token.Shop, installed.Error?.ToString() ?? "", installed.Reason ?? "");
            return EmbeddedCaller.Refused(EmbeddedFailure.InstallFailed, installed.Reason ?? "The shop could not be installed.");
        }

        var store = installed.Store!;
        if (store.AccountId is not { } accountId)
            throw new InvalidOperationException($"Store {store.Id} belongs to no account.");
        var now = time.GetUtcNow();
        var user = await accounts.GetOrCreateUserByLoginAsync(LoginProvider, $"{token.Shop}/{token.UserId}", now, ct);
        var membership = await accounts.GetMembershipAsync(accountId, user.Id, ct);
        if (membership is null)
        {
            membership = new Membership { AccountId = accountId, UserId = user.Id, Role = AccountRole.Owner, StoreIds = [store.Id], CreatedAt = now };
            await accounts.SetMembershipAsync(membership, ct);
            StaffJoined(logger, store.Id, user.Id);
        }
        else if (membership.StoreIds is { } stores && !stores.Contains(store.Id))
        {
            // An owner of the account narrowed this person to other stores: their word stands over the admin's.
            return EmbeddedCaller.Refused(EmbeddedFailure.NoAccess, "Your access to this shop in CartRecovery was removed by an owner of its account.");
        }

        if (recordSignIn)
            await accounts.RecordSignInAsync(user.Id, now, ct);
        var actor = new Actor(ActorKind.User, user.Id, user.Email ?? $"Shopify staff {token.UserId} of {token.Shop}");
        return EmbeddedCaller.SignedIn(AccessScope.ForAccount(accountId, membership.Role, [store.Id], actor), store, user);
    }

    [LoggerMessage(2401, LogLevel.Information, "Shopify session token refused: {Reason}")]
    private static partial void SessionTokenRefused(ILogger logger, string reason);

    [LoggerMessage(2402, LogLevel.Warning, "Managed install of {Shop} failed ({Error}): {Reason}")]
    private static partial void InstallFailed(ILogger logger, string shop, string error, string reason);

    [LoggerMessage(2403, LogLevel.Information, "Shopify staff user {UserId} joined the account of store {StoreId} as owner of that store")]
    private static partial void StaffJoined(ILogger logger, long storeId, long userId);
}
