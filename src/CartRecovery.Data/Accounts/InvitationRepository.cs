using CartRecovery.Core.Accounts;
using CartRecovery.Data.Connections;
using CartRecovery.Data.Dialects;
using Dapper;

namespace CartRecovery.Data.Accounts;

/// <summary>Invitations into accounts, found by the SHA-256 of their link's token; the email is stored normalized.</summary>
internal sealed class InvitationRepository : IInvitationRepository
{
    private const string InsertSql = """
        INSERT INTO invitations (account_id, token_hash, email, role, store_ids, invited_by_user_id, created_at, expires_at, accepted_at, revoked_at)
        VALUES (@AccountId, @TokenHash, @Email, @Role, @StoreIds, @InvitedByUserId, @CreatedAt, @ExpiresAt, @AcceptedAt, @RevokedAt)
        """;

    private const string Open = "accepted_at IS NULL AND revoked_at IS NULL AND expires_at > @Now";

    private const string ListOpenSql = $"SELECT {InvitationRow.Columns} FROM invitations WHERE account_id = @AccountId AND {Open} ORDER BY created_at, id";
    private const string FindOpenSql = $"SELECT {InvitationRow.Columns} FROM invitations WHERE token_hash = @TokenHash AND {Open}";

    // The conditional UPDATE is the claim: a second acceptance finds accepted_at set once the first commits.
    private const string AcceptSql = $"UPDATE invitations SET accepted_at = @Now WHERE id = @Id AND {Open}";
    private const string RevokeSql = """
        UPDATE invitations SET revoked_at = @Now WHERE id = @Id AND account_id = @AccountId AND accepted_at IS NULL AND revoked_at IS NULL
        """;
    private const string PurgeSql = "DELETE FROM invitations WHERE expires_at < @Now";

    private readonly IDbConnectionFactory _connections;
    private readonly SqlDialect _dialect;

    public InvitationRepository(IDbConnectionFactory connections, SqlDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(connections);
        ArgumentNullException.ThrowIfNull(dialect);
        DapperSetup.Ensure();
        _connections = connections;
        _dialect = dialect;
    }

    public async Task<Invitation> CreateAsync(Invitation invitation, byte[] tokenHash, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        ArgumentNullException.ThrowIfNull(tokenHash);
        var email = EmailNormalizer.Normalize(invitation.Email) ?? throw new ArgumentException("An email address is required.", nameof(invitation));
        var row = InvitationRow.From(invitation, tokenHash, email);
        await using var db = await _connections.OpenAsync(ct);
        row.Id = await db.ExecuteScalarAsync<long>(new CommandDefinition(_dialect.InsertReturningId(InsertSql), row, cancellationToken: ct));
        return row.ToInvitation();
    }

    public async Task<IReadOnlyList<Invitation>> ListOpenAsync(long accountId, DateTimeOffset now, CancellationToken ct)
    {
        await using var db = await _connections.OpenAsync(ct);
        var rows = await db.QueryAsync<InvitationRow>(new CommandDefinition(ListOpenSql, new { AccountId = accountId, Now = DbTime.ToDb(now) }, cancellationToken: ct));
        return rows.Select(r => r.ToInvitation()).ToList();
    }

    public async Task<Invitation?> FindOpenAsync(byte[] tokenHash, DateTimeOffset now, CancellationToken ct)
    {
        await using var db = await _connections.OpenAsync(ct);
        var row = await db.QuerySingleOrDefaultAsync<InvitationRow>(new CommandDefinition(FindOpenSql,
            new { TokenHash = tokenHash, Now = DbTime.ToDb(now) }, cancellationToken: ct));
        return row?.ToInvitation();
    }

    public async Task<bool> AcceptAsync(long invitationId, DateTimeOffset now, CancellationToken ct) =>
        await ExecuteAsync(AcceptSql, new { Id = invitationId, Now = DbTime.ToDb(now) }, ct) == 1;

    public async Task<bool> RevokeAsync(long accountId, long invitationId, DateTimeOffset now, CancellationToken ct) =>
        await ExecuteAsync(RevokeSql, new { Id = invitationId, AccountId = accountId, Now = DbTime.ToDb(now) }, ct) == 1;

    public Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken ct) => ExecuteAsync(PurgeSql, new { Now = DbTime.ToDb(now) }, ct);

    private async Task<int> ExecuteAsync(string sql, object param, CancellationToken ct)
    {
        await using var db = await _connections.OpenAsync(ct);
        return await db.ExecuteAsync(new CommandDefinition(sql, param, cancellationToken: ct));
    }
}
