using CartRecovery.Core.Accounts;
using CartRecovery.Core.Recovery;
using CartRecovery.Core.Stores;
using CartRecovery.Web.Features.Admin;
using CartRecovery.Web.Features.SignIn;
using Microsoft.Extensions.Options;

namespace CartRecovery.Web.Features.Invitations;

/// <summary>An invitation sent, or the field and rule that stopped it.</summary>
internal sealed record InvitationIssue(Invitation? Sent, string? Field = null, string? Rule = null);

/// <summary>
/// Inviting a person by email, for the API (<c>POST /api/team/invitations</c>) and the Team page alike: a role not above
/// the inviter's, only stores the inviter sees, a link that works once until it expires, sent in the inviter's language.
/// </summary>
internal sealed class InvitationSender(IInvitationRepository invitations, IAccountRepository accounts, IStoreRepository stores, AccountEmails emails,
    IOptions<AccountsOptions> options, RecoveryOptions recovery, TimeProvider time)
{
    public async Task<InvitationIssue> InviteAsync(AccessScope scope, string? email, string? roleText, IReadOnlyList<long>? storeIds, string language,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (scope.AccountId is not { } accountId)
            return new(null, "account", "invitations belong to an account: call with an account's key or a signed-in session, not the operator key");
        if (!ApiResults.IsEmail(email))
            return new(null, "email", "email must be a valid address");
        if (!TryParseRole(roleText, out var role))
            return new(null, "role", "role must be viewer, member or owner");
        var visible = (await stores.ListAsync(ct)).Where(scope.CanSee).Select(s => s.Id).ToHashSet();
        var chosen = storeIds?.Distinct().ToList();
        if (InvitationRules.Check(scope, role, chosen, visible) is { } refused)
            return new(null, refused.Field, refused.Rule);
        if (await accounts.GetAsync(accountId, ct) is not { } account)
            return new(null, "account", "invitations belong to an account: call with an account's key or a signed-in session, not the operator key");

        var token = SecretToken.New();
        var now = time.GetUtcNow();
        var days = options.Value.InvitationDays;
        var invitation = await invitations.CreateAsync(new Invitation
        {
            AccountId = accountId,
            Email = SignInLinks.Normalize(email!),
            Role = role,
            StoreIds = chosen,
            InvitedByUserId = scope.Actor.Kind == ActorKind.User ? scope.Actor.Id : null,
            CreatedAt = now,
            ExpiresAt = now + TimeSpan.FromDays(days),
        }, SecretToken.Hash(token), ct);
        await emails.SendInvitationAsync(invitation.Email, account, role, days, new Uri(recovery.PublicBaseUrl, "invitations/" + token), language, ct);
        return new(invitation);
    }

    private static bool TryParseRole(string? text, out AccountRole role)
    {
        role = default;
        return text is { Length: > 0 } && !char.IsAsciiDigit(text[0]) && text[0] != '-' && Enum.TryParse(text, ignoreCase: true, out role)
            && Enum.IsDefined(role);
    }
}
