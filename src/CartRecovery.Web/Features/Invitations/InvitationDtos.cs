using CartRecovery.Core.Accounts;

namespace CartRecovery.Web.Features.Invitations;

/// <summary>Body of <c>POST /api/team/invitations</c>: who, with which role (viewer, member, owner), and optionally which stores only.</summary>
public sealed record CreateInvitationRequest(string? Email, string? Role, long[]? StoreIds);

/// <summary>An open invitation. The link itself is only ever in the email sent to the invited address.</summary>
public sealed record InvitationDto(long Id, string Email, string Role, IReadOnlyList<long>? StoreIds, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt)
{
    public static InvitationDto From(Invitation invitation)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        return new(invitation.Id, invitation.Email, invitation.Role.ToString().ToLowerInvariant(), invitation.StoreIds, invitation.CreatedAt,
            invitation.ExpiresAt);
    }
}
