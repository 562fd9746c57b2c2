using System.Data.Common;
using CartRecovery.Core.Accounts;
using CartRecovery.Data.Connections;
using CartRecovery.Data.Dialects;
using Dapper;

namespace CartRecovery.Data.Accounts;

/// <summary>
/// Accounts, users (by normalized email or by outside login) and memberships. Team changes run under the account's row
/// lock (<see cref="SqlDialect.LockAccount"/>), so the last-owner rule holds when two owners are demoted at once.
/// </summary>
internal sealed class AccountRepository : IAccountRepository
{
    private const string GetSql = $"SELECT {AccountRow.Columns} FROM accounts WHERE id = @Id";
    private const string ListSql = $"SELECT {AccountRow.Columns} FROM accounts ORDER BY name, id";
    private const string StoreAccountSql = "SELECT account_id FROM stores WHERE id = @StoreId";
    private const string AssignStoreSql = "UPDATE stores SET account_id = @AccountId WHERE id = @StoreId";
    private const string DeleteIfUnusedSql = """
        DELETE FROM accounts WHERE id = @Id
          AND NOT EXISTS (SELECT 1 FROM stores WHERE account_id = @Id)
          AND NOT EXISTS (SELECT 1 FROM memberships WHERE account_id = @Id)
          AND NOT EXISTS (SELECT 1 FROM api_keys WHERE account_id = @Id)
          AND NOT EXISTS (SELECT 1 FROM user_sessions WHERE account_id = @Id)
          AND NOT EXISTS (SELECT 1 FROM invitations WHERE account_id = @Id)
          AND NOT EXISTS (SELECT 1 FROM audit_log WHERE account_id = @Id)
        """;

    private const string GetUserSql = $"SELECT {UserRow.Columns} FROM users WHERE id = @Id";
    private const string FindUserByEmailSql = $"SELECT {UserRow.Columns} FROM users WHERE email = @Email";
    private const string FindUserByLoginSql = """
        SELECT u.id, u.email, u.name, u.created_at, u.last_sign_in_at
        FROM users u JOIN user_logins l ON l.user_id = u.id
        WHERE l.provider = @Provider AND l.subject = @Subject
        """;
    private const string InsertUserSql = "INSERT INTO users (email, created_at) VALUES (@Email, @CreatedAt)";
    private const string InsertLoginSql = "INSERT INTO user_logins (provider, subject, user_id, created_at) VALUES (@Provider, @Subject, @UserId, @CreatedAt)";
    private const string RecordSignInSql = "UPDATE users SET last_sign_in_at = @At WHERE id = @Id";

    private const string GetMembershipSql = $"SELECT {MembershipRow.Columns} FROM memberships WHERE account_id = @AccountId AND user_id = @UserId";
    private const string MembershipsOfUserSql = $"SELECT {MembershipRow.Columns} FROM memberships WHERE user_id = @UserId ORDER BY account_id";
    private const string MembersSql = $"SELECT {MembershipRow.Columns} FROM memberships WHERE account_id = @AccountId ORDER BY created_at, user_id";
    private const string UserExistsSql = "SELECT COUNT(*) FROM users WHERE id = @UserId";
    private const string OtherOwnersSql = "SELECT COUNT(*) FROM memberships WHERE account_id = @AccountId AND user_id <> @UserId AND role = @Owner";
    private const string InsertMembershipSql = """
        INSERT INTO memberships (account_id, user_id, role, store_ids, created_at) VALUES (@AccountId, @UserId, @Role, @StoreIds, @CreatedAt)
        """;
    private const string UpdateMembershipSql = "UPDATE memberships SET role = @Role, store_ids = @StoreIds WHERE account_id = @AccountId AND user_id = @UserId";
    private const string DeleteMembershipSql = "DELETE FROM memberships WHERE account_id = @AccountId AND user_id = @UserId";

    private readonly IDbConnectionFactory _connections;
    private readonly SqlDialect _dialect;

    public AccountRepository(IDbConnectionFactory connections, SqlDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(connections);
        ArgumentNullException.ThrowIfNull(dialect);
        DapperSetup.Ensure();
        _connections = connections;
        _dialect = dialect;
    }

    public async Task<Account> CreateAsync(string name, AccountKind kind, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!Enum.IsDefined(kind))
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown account kind.");
        var account = new Account { Name = name, Kind = kind, CreatedAt = DbTime.Truncate(now) };
        await using var db = await _connections.OpenAsync(ct);
        var id = await db.ExecuteScalarAsync<long>(new CommandDefinition(_dialect.InsertReturningId(AccountRow.InsertSql),
            new { account.Name, Kind = (long)kind, CreatedAt = DbTime.ToDb(now) }, cancellationToken: ct));
        return account with { Id = id };
    }

    public async Task<Account?> GetAsync(long accountId, CancellationToken ct)
    {
        await using var db = await _connections.OpenAsync(ct);
        var row = await db.QuerySingleOrDefaultAsync<AccountRow>(new CommandDefinition(GetSql, new { Id = accountId }, cancellationToken: ct));
        return row?.ToAccount();
    }

    public async Task<IReadOnlyList<Account>> ListAsync(CancellationToken ct)
    {
        await using var db = await _connections.OpenAsync(ct);
        var rows = await db.QueryAsync<AccountRow>(new CommandDefinition(ListSql, cancellationToken: ct));
        return rows.Select(r => r.ToAccount()).ToList();
    }

    public async Task<bool> AssignStoreAsync(long storeId, long accountId, CancellationToken ct)
    {
        await using var db = await _connections.OpenAsync(ct);
        await using var tx = await db.BeginTransactionAsync(ct);
        var previous = await db.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(StoreAccountSql, new { StoreId = storeId }, tx, cancellationToken: ct));
        if (await db.ExecuteAsync(new CommandDefinition(AssignStoreSql, new { StoreId = storeId, AccountId = accountId }, tx, cancellationToken: ct)) == 0)
            return false;
        if (previous is { } left && left != accountId)
            await db.ExecuteAsync(new CommandDefinition(DeleteIfUnusedSql, new { Id = left }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return true;
    }

    public async Task<User?> GetUserAsync(long userId, CancellationToken ct)
    {
        await using var db = await _connections.OpenAsync(ct);
        var row = await db.QuerySingleOrDefaultAsync<UserRow>(new CommandDefinition(GetUserSql, new { Id = userId }, cancellationToken: ct));
        return row?.ToUser();
    }

    public async Task<User?> FindUserByEmailAsync(string email, CancellationToken ct)
    {
        if (EmailNormalizer.Normalize(email) is not { } normalized)
            return null;
        await using var db = await _connections.OpenAsync(ct);
        return await FindUserByEmailAsync(db, normalized, ct);
    }

    public async Task<User> GetOrCreateUserByEmailAsync(string email, DateTimeOffset now, CancellationToken ct)
    {
        var normalized = EmailNormalizer.Normalize(email) ?? throw new ArgumentException("An email address is required.", nameof(email));
        await using var db = await _connections.OpenAsync(ct);
        if (await FindUserByEmailAsync(db, normalized, ct) is { } existing)
            return existing;
        try
        {
            var id = await db.ExecuteScalarAsync<long>(new CommandDefinition(_dialect.InsertReturningId(InsertUserSql),
                new { Email = normalized, CreatedAt = DbTime.ToDb(now) }, cancellationToken: ct));
            return new User { Id = id, Email = normalized, CreatedAt = DbTime.Truncate(now) };
        }
        catch (DbException error) when (_dialect.IsUniqueViolation(error))
        {
            // Created by a concurrent request between the lookup and the insert: theirs is the one.
            return await FindUserByEmailAsync(db, normalized, ct)
                ?? throw new InvalidOperationException("A user with this email was reported as existing but cannot be read.", error);
        }
    }

    public async Task<User> GetOrCreateUserByLoginAsync(string provider, string subject, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(provider);
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        var login = new { Provider = provider, Subject = subject };
        await using var db = await _connections.OpenAsync(ct);
        if (await FindUserByLoginAsync(db, null, login, ct) is { } existing)
            return existing;
        try
        {
            await using var tx = await _dialect.BeginWriteAsync(db, ct);
            if (await FindUserByLoginAsync(db, tx, login, ct) is { } created)
                return created;
            var id = await db.ExecuteScalarAsync<long>(new CommandDefinition(_dialect.InsertReturningId(InsertUserSql),
                new { Email = (string?)null, CreatedAt = DbTime.ToDb(now) }, tx, cancellationToken: ct));
            await db.ExecuteAsync(new CommandDefinition(InsertLoginSql,
                new { Provider = provider, Subject = subject, UserId = id, CreatedAt = DbTime.ToDb(now) }, tx, cancellationToken: ct));
            await tx.CommitAsync(ct);
            return new User { Id = id, CreatedAt = DbTime.Truncate(now) };
        }
        catch (DbException error) when (_dialect.IsUniqueViolation(error))
        {
            // A concurrent first visit of the same person won (their transaction rolled ours back): theirs is the one.
            return await FindUserByLoginAsync(db, null, login, ct)
                ?? throw new InvalidOperationException("A login was reported as existing but cannot be read.", error);
        }
    }

    public async Task RecordSignInAsync(long userId, DateTimeOffset at, CancellationToken ct)
    {
        await using var db = await _connections.OpenAsync(ct);
        await db.ExecuteAsync(new CommandDefinition(RecordSignInSql, new { Id = userId, At = DbTime.ToDb(at) }, cancellationToken: ct));
    }

    public async Task<Membership?> GetMembershipAsync(long accountId, long userId, CancellationToken ct)
    {
        await using var db = await _connections.OpenAsync(ct);
        return await GetMembershipAsync(db, null, accountId, userId, ct);
    }

    public async Task<IReadOnlyList<Membership>> ListMembershipsOfUserAsync(long userId, CancellationToken ct)
    {
        await using var db = await _connections.OpenAsync(ct);
        var rows = await db.QueryAsync<MembershipRow>(new CommandDefinition(MembershipsOfUserSql, new { UserId = userId }, cancellationToken: ct));
        return rows.Select(r => r.ToMembership()).ToList();
    }

    public async Task<IReadOnlyList<Membership>> ListMembersAsync(long accountId, CancellationToken ct)
    {
        await using var db = await _connections.OpenAsync(ct);
        var rows = await db.QueryAsync<MembershipRow>(new CommandDefinition(MembersSql, new { AccountId = accountId }, cancellationToken: ct));
        return rows.Select(r => r.ToMembership()).ToList();
    }

    public async Task<MembershipChange> SetMembershipAsync(Membership membership, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(membership);
        if (!Enum.IsDefined(membership.Role))
            throw new ArgumentOutOfRangeException(nameof(membership), membership.Role, "Unknown role.");
        await using var db = await _connections.OpenAsync(ct);
        await using var tx = await _dialect.BeginWriteAsync(db, ct);
        if (!await LockAccountAsync(db, tx, membership.AccountId, ct)
            || await db.ExecuteScalarAsync<long>(new CommandDefinition(UserExistsSql, new { membership.UserId }, tx, cancellationToken: ct)) == 0)
            return MembershipChange.NotFound;
        var current = await GetMembershipAsync(db, tx, membership.AccountId, membership.UserId, ct);
        if (current?.Role == AccountRole.Owner && membership.Role != AccountRole.Owner && !await HasOtherOwnerAsync(db, tx, current, ct))
            return MembershipChange.LastOwner;
        await db.ExecuteAsync(new CommandDefinition(current is null ? InsertMembershipSql : UpdateMembershipSql,
            MembershipRow.From(membership), tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return MembershipChange.Done;
    }

    public async Task<MembershipChange> RemoveMembershipAsync(long accountId, long userId, CancellationToken ct)
    {
        await using var db = await _connections.OpenAsync(ct);
        await using var tx = await _dialect.BeginWriteAsync(db, ct);
        if (!await LockAccountAsync(db, tx, accountId, ct) || await GetMembershipAsync(db, tx, accountId, userId, ct) is not { } current)
            return MembershipChange.NotFound;
        if (current.Role == AccountRole.Owner && !await HasOtherOwnerAsync(db, tx, current, ct))
            return MembershipChange.LastOwner;
        await db.ExecuteAsync(new CommandDefinition(DeleteMembershipSql, new { AccountId = accountId, UserId = userId }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return MembershipChange.Done;
    }

    private static async Task<User?> FindUserByEmailAsync(DbConnection db, string normalized, CancellationToken ct)
    {
        var row = await db.QuerySingleOrDefaultAsync<UserRow>(new CommandDefinition(FindUserByEmailSql, new { Email = normalized }, cancellationToken: ct));
        return row?.ToUser();
    }

    private static async Task<User?> FindUserByLoginAsync(DbConnection db, DbTransaction? tx, object login, CancellationToken ct)
    {
        var row = await db.QuerySingleOrDefaultAsync<UserRow>(new CommandDefinition(FindUserByLoginSql, login, tx, cancellationToken: ct));
        return row?.ToUser();
    }

    private static async Task<Membership?> GetMembershipAsync(DbConnection db, DbTransaction? tx, long accountId, long userId, CancellationToken ct)
    {
        var row = await db.QuerySingleOrDefaultAsync<MembershipRow>(new CommandDefinition(GetMembershipSql,
            new { AccountId = accountId, UserId = userId }, tx, cancellationToken: ct));
        return row?.ToMembership();
    }

    /// <summary>False when the account does not exist; otherwise its row stays locked until the transaction ends.</summary>
    private async Task<bool> LockAccountAsync(DbConnection db, DbTransaction tx, long accountId, CancellationToken ct) =>
        await db.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(_dialect.LockAccount, new { AccountId = accountId }, tx, cancellationToken: ct)) is not null;

    private static async Task<bool> HasOtherOwnerAsync(DbConnection db, DbTransaction tx, Membership current, CancellationToken ct) =>
        await db.ExecuteScalarAsync<long>(new CommandDefinition(OtherOwnersSql,
            new { current.AccountId, current.UserId, Owner = (long)AccountRole.Owner }, tx, cancellationToken: ct)) > 0;
}
