using CartRecovery.Core.Accounts;
using CartRecovery.Data.Connections;
using Dapper;

namespace CartRecovery.Data.Accounts;

/// <summary>Signed-in browsers, keyed by the SHA-256 of their cookie's token.</summary>
internal sealed class SessionRepository : ISessionRepository
{
    private const string InsertSql = """
        INSERT INTO user_sessions (token_hash, user_id, account_id, created_at, last_seen_at, expires_at)
        VALUES (@TokenHash, @UserId, @AccountId, @CreatedAt, @LastSeenAt, @ExpiresAt)
        """;

    private const string FindSql = $"SELECT {UserSessionRow.Columns} FROM user_sessions WHERE token_hash = @TokenHash";

    private const string TouchSql = "UPDATE user_sessions SET last_seen_at = @At WHERE token_hash = @TokenHash AND last_seen_at < @At";
    private const string SwitchAccountSql = "UPDATE user_sessions SET account_id = @AccountId WHERE token_hash = @TokenHash";
    private const string DeleteSql = "DELETE FROM user_sessions WHERE token_hash = @TokenHash";
    private const string DeleteForUserSql = "DELETE FROM user_sessions WHERE user_id = @UserId";
    private const string PurgeSql = "DELETE FROM user_sessions WHERE expires_at < @Now";

    private readonly IDbConnectionFactory _connections;

    public SessionRepository(IDbConnectionFactory connections)
    {
        ArgumentNullException.ThrowIfNull(connections);
        DapperSetup.Ensure();
        _connections = connections;
    }

    public async Task CreateAsync(UserSession session, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        await ExecuteAsync(InsertSql, UserSessionRow.From(session), ct);
    }

    public async Task<UserSession?> FindAsync(byte[] tokenHash, CancellationToken ct)
    {
        await using var db = await _connections.OpenAsync(ct);
        var row = await db.QuerySingleOrDefaultAsync<UserSessionRow>(new CommandDefinition(FindSql, new { TokenHash = tokenHash }, cancellationToken: ct));
        return row?.ToSession();
    }

    public Task TouchAsync(byte[] tokenHash, DateTimeOffset at, CancellationToken ct) =>
        ExecuteAsync(TouchSql, new { TokenHash = tokenHash, At = DbTime.ToDb(at) }, ct);

    public Task SwitchAccountAsync(byte[] tokenHash, long accountId, CancellationToken ct) =>
        ExecuteAsync(SwitchAccountSql, new { TokenHash = tokenHash, AccountId = accountId }, ct);

    public Task DeleteAsync(byte[] tokenHash, CancellationToken ct) => ExecuteAsync(DeleteSql, new { TokenHash = tokenHash }, ct);

    public Task<int> DeleteForUserAsync(long userId, CancellationToken ct) => ExecuteAsync(DeleteForUserSql, new { UserId = userId }, ct);

    public Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken ct) => ExecuteAsync(PurgeSql, new { Now = DbTime.ToDb(now) }, ct);

    private async Task<int> ExecuteAsync(string sql, object param, CancellationToken ct)
    {
        await using var db = await _connections.OpenAsync(ct);
        return await db.ExecuteAsync(new CommandDefinition(sql, param, cancellationToken: ct));
    }
}
