using CartRecovery.Core.Accounts;
using CartRecovery.Data.Connections;
using CartRecovery.Data.Dialects;
using Dapper;

namespace CartRecovery.Data.Accounts;

/// <summary>Single-use email sign-in links, keyed by the SHA-256 of their token; the email is stored normalized.</summary>
internal sealed class SignInLinkRepository : ISignInLinkRepository
{
    private const string InsertSql = """
        INSERT INTO sign_in_links (token_hash, email, requested_from, created_at, expires_at)
        VALUES (@TokenHash, @Email, @RequestedFrom, @CreatedAt, @ExpiresAt)
        """;

    // The conditional UPDATE is the claim: of two concurrent uses, the second finds used_at set (PostgreSQL and SQL Server
    // re-check the WHERE once the first commits; SQLite runs one writer at a time) and changes no row.
    private const string UseSql = """
        UPDATE sign_in_links SET used_at = @Now WHERE token_hash = @TokenHash AND used_at IS NULL AND expires_at > @Now
        """;

    private const string EmailSql = "SELECT email FROM sign_in_links WHERE token_hash = @TokenHash";
    private const string CountForEmailSql = "SELECT COUNT(*) FROM sign_in_links WHERE email = @Email AND created_at >= @Since";
    private const string CountFromSql = "SELECT COUNT(*) FROM sign_in_links WHERE requested_from = @RequestedFrom AND created_at >= @Since";
    private const string PurgeSql = "DELETE FROM sign_in_links WHERE expires_at < @Now";

    private readonly IDbConnectionFactory _connections;
    private readonly SqlDialect _dialect;

    public SignInLinkRepository(IDbConnectionFactory connections, SqlDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(connections);
        ArgumentNullException.ThrowIfNull(dialect);
        DapperSetup.Ensure();
        _connections = connections;
        _dialect = dialect;
    }

    public async Task CreateAsync(byte[] tokenHash, string email, string? requestedFrom, DateTimeOffset now, DateTimeOffset expiresAt, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tokenHash);
        var normalized = EmailNormalizer.Normalize(email) ?? throw new ArgumentException("An email address is required.", nameof(email));
        await using var db = await _connections.OpenAsync(ct);
        await db.ExecuteAsync(new CommandDefinition(InsertSql, new
        {
            TokenHash = tokenHash,
            Email = normalized,
            RequestedFrom = requestedFrom,
            CreatedAt = DbTime.ToDb(now),
            ExpiresAt = DbTime.ToDb(expiresAt),
        }, cancellationToken: ct));
    }

    public async Task<string?> ConsumeAsync(byte[] tokenHash, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tokenHash);
        await using var db = await _connections.OpenAsync(ct);
        await using var tx = await _dialect.BeginWriteAsync(db, ct);
        if (await db.ExecuteAsync(new CommandDefinition(UseSql, new { TokenHash = tokenHash, Now = DbTime.ToDb(now) }, tx, cancellationToken: ct)) != 1)
            return null;
        var email = await db.QuerySingleAsync<string>(new CommandDefinition(EmailSql, new { TokenHash = tokenHash }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return email;
    }

    public async Task<int> CountForEmailSinceAsync(string email, DateTimeOffset since, CancellationToken ct)
    {
        if (EmailNormalizer.Normalize(email) is not { } normalized)
            return 0;
        await using var db = await _connections.OpenAsync(ct);
        return await db.ExecuteScalarAsync<int>(new CommandDefinition(CountForEmailSql, new { Email = normalized, Since = DbTime.ToDb(since) }, cancellationToken: ct));
    }

    public async Task<int> CountFromSinceAsync(string requestedFrom, DateTimeOffset since, CancellationToken ct)
    {
        await using var db = await _connections.OpenAsync(ct);
        return await db.ExecuteScalarAsync<int>(new CommandDefinition(CountFromSql, new { RequestedFrom = requestedFrom, Since = DbTime.ToDb(since) }, cancellationToken: ct));
    }

    public async Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken ct)
    {
        await using var db = await _connections.OpenAsync(ct);
        return await db.ExecuteAsync(new CommandDefinition(PurgeSql, new { Now = DbTime.ToDb(now) }, cancellationToken: ct));
    }
}
