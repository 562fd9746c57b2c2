using CartRecovery.Core.Suppression;
using CartRecovery.Data.Connections;
using CartRecovery.Data.Dialects;
using Dapper;

namespace CartRecovery.Data.Suppression;

/// <summary>Addresses a store must never email again, keyed by (store, trimmed lower-cased address).</summary>
internal sealed class SuppressionList : ISuppressionList
{
    private const string ExistsSql = "SELECT COUNT(*) FROM suppressions WHERE store_id = @StoreId AND email_normalized = @Email";

    private const string InsertSql = """
        INSERT INTO suppressions (store_id, email_normalized, email, reason, created_at)
        VALUES (@StoreId, @EmailNormalized, @Email, @Reason, @CreatedAt)
        """;

    private const string DeleteSql = "DELETE FROM suppressions WHERE store_id = @StoreId AND email_normalized = @Email";

    private const string ListSql = """
        SELECT store_id, email, reason, created_at FROM suppressions WHERE store_id = @StoreId ORDER BY created_at, email_normalized
        """;

    private readonly IDbConnectionFactory _connections;
    private readonly SqlDialect _dialect;

    public SuppressionList(IDbConnectionFactory connections, SqlDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(connections);
        ArgumentNullException.ThrowIfNull(dialect);
        DapperSetup.Ensure();
        _connections = connections;
        _dialect = dialect;
    }

    public async Task<bool> IsSuppressedAsync(long storeId, string email, CancellationToken ct)
    {
        if (EmailNormalizer.Normalize(email) is not { } normalized)
            return false;
        await using var db = await _connections.OpenAsync(ct);
        return await db.ExecuteScalarAsync<long>(new CommandDefinition(ExistsSql,
            new { StoreId = storeId, Email = normalized }, cancellationToken: ct)) > 0;
    }

    /// <summary>Adds the address; when it is there already, the first reason and time stay.</summary>
    public async Task SuppressAsync(long storeId, string email, string reason, DateTimeOffset at, CancellationToken ct)
    {
        var normalized = EmailNormalizer.Normalize(email)
            ?? throw new ArgumentException("An address to suppress must not be empty.", nameof(email));
        await using var db = await _connections.OpenAsync(ct);
        await db.ExecuteAsync(new CommandDefinition(_dialect.InsertIgnoringDuplicates(InsertSql, "store_id, email_normalized"), new
        {
            StoreId = storeId,
            EmailNormalized = normalized,
            Email = email.Trim(),
            Reason = reason,
            CreatedAt = DbTime.ToDb(at),
        }, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<SuppressedAddress>> ListAsync(long storeId, CancellationToken ct)
    {
        await using var db = await _connections.OpenAsync(ct);
        var rows = await db.QueryAsync<SuppressionRow>(new CommandDefinition(ListSql, new { StoreId = storeId }, cancellationToken: ct));
        return rows.Select(r => new SuppressedAddress(r.StoreId, r.Email, r.Reason, DbTime.FromDb(r.CreatedAt))).ToList();
    }

    public async Task<bool> RemoveAsync(long storeId, string email, CancellationToken ct)
    {
        if (EmailNormalizer.Normalize(email) is not { } normalized)
            return false;
        await using var db = await _connections.OpenAsync(ct);
        return await db.ExecuteAsync(new CommandDefinition(DeleteSql, new { StoreId = storeId, Email = normalized }, cancellationToken: ct)) > 0;
    }
}
