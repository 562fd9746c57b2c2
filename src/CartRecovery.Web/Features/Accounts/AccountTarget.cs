using CartRecovery.Core.Accounts;
using CartRecovery.Web.Features.Admin;

namespace CartRecovery.Web.Features.Accounts;

/// <summary>
/// The account an account-level call (keys, team, audit) acts on: the caller's own; the operator, who belongs to no
/// account, names one with <c>?accountId=</c>. Another account's id reads like a missing one (404).
/// </summary>
internal static class AccountTarget
{
    public static async Task<(long AccountId, IResult? Problem)> ResolveAsync(AccessScope scope, long? accountId, IAccountRepository accounts,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (!scope.IsOperator)
            return accountId is null || accountId == scope.AccountId ? (scope.AccountId!.Value, null) : (0, NotFound(accountId.Value));
        if (accountId is not { } wanted)
            return (0, ApiResults.Invalid("accountId", "accountId is required with the operator's key (the account to act on)"));
        return await accounts.GetAsync(wanted, ct) is null ? (0, NotFound(wanted)) : (wanted, null);
    }

    public static IResult NotFound(long accountId) =>
        Results.Problem(statusCode: 404, title: "Account not found", detail: $"There is no account {accountId}.");
}
