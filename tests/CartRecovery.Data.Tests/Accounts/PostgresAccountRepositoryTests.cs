using CartRecovery.Core.Accounts;
using Dapper;

namespace CartRecovery.Data.Tests.Accounts;

public sealed class PostgresAccountRepositoryTests : AccountRepositoryContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabases.PostgresAsync();

    [Fact]
    public async Task SetMembership_WhileAnotherTransactionDemotesTheOtherOwner_WaitsForItAndRefuses()
    {
        var (account, ada) = await AccountWithOwnerAsync();
        var grace = await Db.Accounts.GetOrCreateUserByEmailAsync("grace@example.com", Now, Ct);
        await Db.Accounts.SetMembershipAsync(Member(account, grace, AccountRole.Owner, null), Ct);
        await using var other = await Db.OpenAsync();
        await using var tx = await Db.Dialect.BeginWriteAsync(other, Ct);
        await other.QuerySingleAsync<long>(new CommandDefinition(Db.Dialect.LockAccount, new { AccountId = account.Id }, tx, cancellationToken: Ct));
        await other.ExecuteAsync(new CommandDefinition("UPDATE memberships SET role = 1 WHERE user_id = @Id", new { grace.Id }, tx, cancellationToken: Ct));

        // Under READ COMMITTED, without the account's row lock, this would read Grace as an owner still and demote Ada too.
        // A row lock waits on the holder's transaction id, a lock with no database: the waiter is found by its session.
        var demotion = Task.Run(() => Db.Accounts.SetMembershipAsync(Member(account, ada, AccountRole.Member, null), Ct), Ct);
        while (!demotion.IsCompleted && await Db.ScalarAsync<long>("""
                   SELECT COUNT(*) FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
                   WHERE NOT l.granted AND a.datname = current_database()
                   """) == 0)
            await Task.Delay(10, Ct);
        await tx.CommitAsync(Ct);

        Assert.Equal(MembershipChange.LastOwner, await demotion);
        Assert.Equal(AccountRole.Owner, (await Db.Accounts.GetMembershipAsync(account.Id, ada.Id, Ct))!.Role);
    }
}
