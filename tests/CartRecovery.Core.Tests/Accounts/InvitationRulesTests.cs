using CartRecovery.Core.Accounts;
using CartRecovery.Testing;

namespace CartRecovery.Core.Tests.Accounts;

public sealed class InvitationRulesTests
{
    private static readonly DateTimeOffset Now = TestData.Now;
    private static readonly HashSet<long> Visible = [1, 2];

    private static AccessScope Scope(AccountRole role, IEnumerable<long>? stores = null) =>
        AccessScope.ForAccount(5, role, stores, new Actor(ActorKind.User, 9, "owner@shop.example"));

    [Fact]
    public void Check_OwnerInvitingAMemberToEveryStore_IsAllowed() => Assert.Null(InvitationRules.Check(Scope(AccountRole.Owner), AccountRole.Member, null, Visible));

    [Fact]
    public void Check_RoleAboveTheInvitersOwn_IsRefusedOnRole() =>
        Assert.Equal("role", InvitationRules.Check(Scope(AccountRole.Member), AccountRole.Owner, null, Visible)?.Field);

    [Fact]
    public void Check_AStoreTheInviterCannotSee_IsRefusedNamingIt()
    {
        var refused = InvitationRules.Check(Scope(AccountRole.Owner), AccountRole.Viewer, [1, 99], Visible);

        Assert.Equal("storeIds", refused?.Field);
        Assert.Contains("99", refused?.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_AnInviterWithSomeStoresOnly_CannotGiveEveryStore() =>
        Assert.Equal("storeIds", InvitationRules.Check(Scope(AccountRole.Owner, [1]), AccountRole.Viewer, null, new HashSet<long> { 1 })?.Field);

    [Fact]
    public void Check_AnEmptyStoreList_IsRefused() =>
        Assert.Equal("storeIds", InvitationRules.Check(Scope(AccountRole.Owner), AccountRole.Viewer, [], Visible)?.Field);

    [Fact]
    public void Accepting_AnOwnerClickingAViewerInvitation_StaysOwner()
    {
        var owner = new Membership { AccountId = 5, UserId = 3, Role = AccountRole.Owner, CreatedAt = Now };
        var invitation = new Invitation { AccountId = 5, Email = "a@b.example", Role = AccountRole.Viewer, ExpiresAt = Now.AddDays(7) };

        Assert.Same(owner, InvitationRules.Accepting(invitation, 3, owner, Now));
    }

    [Fact]
    public void Accepting_ANewPerson_GetsTheInvitationsRoleAndStores()
    {
        var invitation = new Invitation { AccountId = 5, Email = "a@b.example", Role = AccountRole.Member, StoreIds = [2], ExpiresAt = Now.AddDays(7) };

        var membership = InvitationRules.Accepting(invitation, 3, null, Now);

        Assert.Equal((5L, 3L, AccountRole.Member, 2L), (membership.AccountId, membership.UserId, membership.Role, membership.StoreIds!.Single()));
    }
}
