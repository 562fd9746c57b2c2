using CartRecovery.Core.Accounts;

namespace CartRecovery.Data.Tests.Accounts;

public abstract class AccountRepositoryContract : DatabaseContract
{
    [Fact]
    public async Task Create_ThenGetAndList_ReturnTheAccount()
    {
        var agency = await Db.Accounts.CreateAsync("Northwind Agency", AccountKind.Agency, Now, Ct);
        var merchant = await Db.Accounts.CreateAsync("Acme", AccountKind.Merchant, Now, Ct);

        Assert.True(agency.Id > 0);
        Assert.Equal(new Account { Id = agency.Id, Name = "Northwind Agency", Kind = AccountKind.Agency, CreatedAt = Now }, agency);
        Assert.Equal(agency, await Db.Accounts.GetAsync(agency.Id, Ct));
        Assert.Equal([merchant, agency], await Db.Accounts.ListAsync(Ct));
        Assert.Null(await Db.Accounts.GetAsync(404, Ct));
    }

    [Fact]
    public async Task AssignStore_MovesTheStoreToTheAccount()
    {
        var store = await AddStoreAsync();
        var agency = await Db.Accounts.CreateAsync("Agency", AccountKind.Agency, Now, Ct);

        Assert.True(await Db.Accounts.AssignStoreAsync(store.Id, agency.Id, Ct));

        Assert.Equal(agency.Id, (await Db.Stores.GetAsync(store.Id, Ct))!.AccountId);
        Assert.Equal([store.Id], (await Db.Stores.ListForAccountAsync(agency.Id, Ct)).Select(s => s.Id));
        Assert.Empty(await Db.Stores.ListForAccountAsync(store.AccountId!.Value, Ct));
    }

    [Fact]
    public async Task AssignStore_FromTheAccountMadeForItAlone_DeletesThatAccount()
    {
        var store = await AddStoreAsync();
        var made = store.AccountId!.Value;
        var agency = await Db.Accounts.CreateAsync("Agency", AccountKind.Agency, Now, Ct);

        await Db.Accounts.AssignStoreAsync(store.Id, agency.Id, Ct);

        Assert.Null(await Db.Accounts.GetAsync(made, Ct));
        Assert.Equal([agency.Id], (await Db.Accounts.ListAsync(Ct)).Select(a => a.Id));
    }

    [Fact]
    public async Task AssignStore_FromAnAccountWithAPerson_KeepsThatAccount()
    {
        var store = await AddStoreAsync();
        var before = store.AccountId!.Value;
        var person = await Db.Accounts.GetOrCreateUserByEmailAsync("owner@example.com", Now, Ct);
        await Db.Accounts.SetMembershipAsync(new Membership { AccountId = before, UserId = person.Id, Role = AccountRole.Owner, CreatedAt = Now }, Ct);
        var agency = await Db.Accounts.CreateAsync("Agency", AccountKind.Agency, Now, Ct);

        await Db.Accounts.AssignStoreAsync(store.Id, agency.Id, Ct);

        Assert.NotNull(await Db.Accounts.GetAsync(before, Ct));
    }

    [Fact]
    public async Task AssignStore_UnknownStore_ReturnsFalseAndChangesNothing()
    {
        var agency = await Db.Accounts.CreateAsync("Agency", AccountKind.Agency, Now, Ct);

        Assert.False(await Db.Accounts.AssignStoreAsync(404, agency.Id, Ct));
        Assert.Equal([agency.Id], (await Db.Accounts.ListAsync(Ct)).Select(a => a.Id));
    }

    [Fact]
    public async Task GetOrCreateUserByEmail_WhenTheAddressDiffersInCaseAndSpaces_ReturnsOneNormalizedUser()
    {
        var created = await Db.Accounts.GetOrCreateUserByEmailAsync("  Ada.Lovelace@Example.COM ", Now, Ct);

        var again = await Db.Accounts.GetOrCreateUserByEmailAsync("ada.lovelace@example.com", Now.AddHours(1), Ct);

        Assert.Equal(new User { Id = created.Id, Email = "ada.lovelace@example.com", CreatedAt = Now }, created);
        Assert.Equal(created, again);
        Assert.Equal(created, await Db.Accounts.FindUserByEmailAsync("ADA.LOVELACE@example.com", Ct));
        Assert.Equal(created, await Db.Accounts.GetUserAsync(created.Id, Ct));
        Assert.Equal("ada.lovelace@example.com", await Db.ScalarAsync<string>("SELECT email FROM users"));
        Assert.Null(await Db.Accounts.FindUserByEmailAsync("grace@example.com", Ct));
        Assert.Null(await Db.Accounts.FindUserByEmailAsync("  ", Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => Db.Accounts.GetOrCreateUserByEmailAsync(" ", Now, Ct));
    }

    [Fact]
    public async Task GetOrCreateUserByEmail_WhenCalledConcurrently_CreatesOneUser()
    {
        var users = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            Task.Run(() => Db.Accounts.GetOrCreateUserByEmailAsync(i % 2 == 0 ? "ada@example.com" : "ADA@example.com", Now, Ct), Ct)));

        Assert.Single(users.Select(u => u.Id).Distinct());
        Assert.Equal(1L, await Db.ScalarAsync<long>("SELECT COUNT(*) FROM users"));
    }

    [Fact]
    public async Task GetOrCreateUserByLogin_WhenSeenAgain_ReturnsTheSameUserWithoutEmail()
    {
        var staff = await Db.Accounts.GetOrCreateUserByLoginAsync("shopify", "shop-1.myshopify.com/42", Now, Ct);

        var again = await Db.Accounts.GetOrCreateUserByLoginAsync("shopify", "shop-1.myshopify.com/42", Now.AddDays(1), Ct);
        var other = await Db.Accounts.GetOrCreateUserByLoginAsync("shopify", "shop-2.myshopify.com/42", Now, Ct);

        Assert.Equal(new User { Id = staff.Id, CreatedAt = Now }, staff);
        Assert.Equal(staff, again);
        Assert.NotEqual(staff.Id, other.Id);
        Assert.Equal(2L, await Db.ScalarAsync<long>("SELECT COUNT(*) FROM users WHERE email IS NULL"));
    }

    [Fact]
    public async Task GetOrCreateUserByLogin_WhenCalledConcurrently_CreatesOneUserAndLogin()
    {
        var users = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            Task.Run(() => Db.Accounts.GetOrCreateUserByLoginAsync("shopify", "shop-1.myshopify.com/7", Now, Ct), Ct)));

        Assert.Single(users.Select(u => u.Id).Distinct());
        Assert.Equal(1L, await Db.ScalarAsync<long>("SELECT COUNT(*) FROM user_logins"));
        // A loser's user row is rolled back with its login.
        Assert.Equal(1L, await Db.ScalarAsync<long>("SELECT COUNT(*) FROM users"));
    }

    [Fact]
    public async Task RecordSignIn_SetsTheLastSignIn()
    {
        var user = await Db.Accounts.GetOrCreateUserByEmailAsync("ada@example.com", Now, Ct);

        await Db.Accounts.RecordSignInAsync(user.Id, Now.AddHours(2), Ct);

        Assert.Equal(Now.AddHours(2), (await Db.Accounts.GetUserAsync(user.Id, Ct))!.LastSignInAt);
        Assert.Null(await Db.Accounts.GetUserAsync(404, Ct));
    }

    [Fact]
    public async Task SetMembership_WhenNewThenChanged_AddsThenUpdatesRoleAndStoresKeepingCreatedAt()
    {
        var (account, ada) = await AccountWithOwnerAsync();
        var grace = await Db.Accounts.GetOrCreateUserByEmailAsync("grace@example.com", Now, Ct);

        Assert.Equal(MembershipChange.Done, await Db.Accounts.SetMembershipAsync(Member(account, grace, AccountRole.Viewer, [3, 5]), Ct));
        var added = await Db.Accounts.GetMembershipAsync(account.Id, grace.Id, Ct);
        Assert.Equal(MembershipChange.Done, await Db.Accounts.SetMembershipAsync(
            Member(account, grace, AccountRole.Member, null) with { CreatedAt = Now.AddDays(9) }, Ct));
        var changed = await Db.Accounts.GetMembershipAsync(account.Id, grace.Id, Ct);

        Assert.Equal((AccountRole.Viewer, Now), (added!.Role, added.CreatedAt));
        Assert.Equal([3L, 5L], added.StoreIds);
        Assert.Equal((AccountRole.Member, (IReadOnlyList<long>?)null, Now), (changed!.Role, changed.StoreIds, changed.CreatedAt));
        Assert.Equal([ada.Id, grace.Id], (await Db.Accounts.ListMembersAsync(account.Id, Ct)).Select(m => m.UserId));
        Assert.Null(await Db.Accounts.GetMembershipAsync(account.Id, 404, Ct));
    }

    [Fact]
    public async Task ListMembershipsOfUser_ReturnsEveryAccountOfThePerson()
    {
        var (first, ada) = await AccountWithOwnerAsync();
        var second = await Db.Accounts.CreateAsync("Second", AccountKind.Agency, Now, Ct);
        await Db.Accounts.SetMembershipAsync(Member(second, ada, AccountRole.Viewer, [1]), Ct);

        var memberships = await Db.Accounts.ListMembershipsOfUserAsync(ada.Id, Ct);

        Assert.Equal([(first.Id, AccountRole.Owner), (second.Id, AccountRole.Viewer)], memberships.Select(m => (m.AccountId, m.Role)));
        Assert.Empty(await Db.Accounts.ListMembershipsOfUserAsync(404, Ct));
    }

    [Fact]
    public async Task SetMembership_WhenItWouldDemoteTheLastOwner_IsRefusedAndChangesNothing()
    {
        var (account, ada) = await AccountWithOwnerAsync();

        var change = await Db.Accounts.SetMembershipAsync(Member(account, ada, AccountRole.Member, [1]), Ct);

        Assert.Equal(MembershipChange.LastOwner, change);
        var kept = await Db.Accounts.GetMembershipAsync(account.Id, ada.Id, Ct);
        Assert.Equal((AccountRole.Owner, (IReadOnlyList<long>?)null), (kept!.Role, kept.StoreIds));
    }

    [Fact]
    public async Task SetMembership_WhenAnotherOwnerRemains_DemotesTheOwner()
    {
        var (account, ada) = await AccountWithOwnerAsync();
        var grace = await Db.Accounts.GetOrCreateUserByEmailAsync("grace@example.com", Now, Ct);
        await Db.Accounts.SetMembershipAsync(Member(account, grace, AccountRole.Owner, null), Ct);

        Assert.Equal(MembershipChange.Done, await Db.Accounts.SetMembershipAsync(Member(account, ada, AccountRole.Viewer, null), Ct));
        Assert.Equal(AccountRole.Viewer, (await Db.Accounts.GetMembershipAsync(account.Id, ada.Id, Ct))!.Role);
    }

    [Fact]
    public async Task SetMembership_WhenAccountOrUserIsUnknown_ReturnsNotFound()
    {
        var (account, ada) = await AccountWithOwnerAsync();

        Assert.Equal(MembershipChange.NotFound, await Db.Accounts.SetMembershipAsync(
            new Membership { AccountId = 404, UserId = ada.Id, Role = AccountRole.Owner, CreatedAt = Now }, Ct));
        Assert.Equal(MembershipChange.NotFound, await Db.Accounts.SetMembershipAsync(
            new Membership { AccountId = account.Id, UserId = 404, Role = AccountRole.Owner, CreatedAt = Now }, Ct));
        Assert.Equal(1L, await Db.ScalarAsync<long>("SELECT COUNT(*) FROM memberships"));
    }

    [Fact]
    public async Task RemoveMembership_WhenLastOwner_IsRefused_OtherwiseRemoves()
    {
        var (account, ada) = await AccountWithOwnerAsync();
        var grace = await Db.Accounts.GetOrCreateUserByEmailAsync("grace@example.com", Now, Ct);
        await Db.Accounts.SetMembershipAsync(Member(account, grace, AccountRole.Member, null), Ct);

        Assert.Equal(MembershipChange.LastOwner, await Db.Accounts.RemoveMembershipAsync(account.Id, ada.Id, Ct));
        Assert.Equal(MembershipChange.Done, await Db.Accounts.RemoveMembershipAsync(account.Id, grace.Id, Ct));
        Assert.Equal(MembershipChange.NotFound, await Db.Accounts.RemoveMembershipAsync(account.Id, grace.Id, Ct));
        Assert.Equal(MembershipChange.NotFound, await Db.Accounts.RemoveMembershipAsync(404, ada.Id, Ct));
        Assert.Equal([ada.Id], (await Db.Accounts.ListMembersAsync(account.Id, Ct)).Select(m => m.UserId));
    }

    [Fact]
    public async Task RemoveMembership_WhenAnotherOwnerRemains_RemovesTheOwner()
    {
        var (account, ada) = await AccountWithOwnerAsync();
        var grace = await Db.Accounts.GetOrCreateUserByEmailAsync("grace@example.com", Now, Ct);
        await Db.Accounts.SetMembershipAsync(Member(account, grace, AccountRole.Owner, null), Ct);

        Assert.Equal(MembershipChange.Done, await Db.Accounts.RemoveMembershipAsync(account.Id, ada.Id, Ct));
        Assert.Equal([grace.Id], (await Db.Accounts.ListMembersAsync(account.Id, Ct)).Select(m => m.UserId));
    }

    [Fact]
    public async Task SetMembership_WhenTheLastTwoOwnersAreDemotedAtOnce_OneStaysOwner()
    {
        for (var round = 0; round < 5; round++)
        {
            var (account, ada) = await AccountWithOwnerAsync($"owner{round}@example.com");
            var grace = await Db.Accounts.GetOrCreateUserByEmailAsync($"second{round}@example.com", Now, Ct);
            await Db.Accounts.SetMembershipAsync(Member(account, grace, AccountRole.Owner, null), Ct);

            var changes = await Task.WhenAll(
                Task.Run(() => Db.Accounts.SetMembershipAsync(Member(account, ada, AccountRole.Member, null), Ct), Ct),
                Task.Run(() => Db.Accounts.RemoveMembershipAsync(account.Id, grace.Id, Ct), Ct));

            Assert.Equal([MembershipChange.Done, MembershipChange.LastOwner], changes.Order());
            Assert.Single(await Db.Accounts.ListMembersAsync(account.Id, Ct), m => m.Role == AccountRole.Owner);
        }
    }

    protected async Task<(Account Account, User Owner)> AccountWithOwnerAsync(string email = "ada@example.com")
    {
        var account = await Db.Accounts.CreateAsync("Acme", AccountKind.Merchant, Now, Ct);
        var owner = await Db.Accounts.GetOrCreateUserByEmailAsync(email, Now, Ct);
        Assert.Equal(MembershipChange.Done, await Db.Accounts.SetMembershipAsync(Member(account, owner, AccountRole.Owner, null), Ct));
        return (account, owner);
    }

    protected static Membership Member(Account account, User user, AccountRole role, IReadOnlyList<long>? storeIds) =>
        new() { AccountId = account.Id, UserId = user.Id, Role = role, StoreIds = storeIds, CreatedAt = Now };
}
