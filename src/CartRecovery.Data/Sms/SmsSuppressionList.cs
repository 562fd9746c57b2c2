using CartRecovery.Core.Sms;
using CartRecovery.Data.Connections;
using CartRecovery.Data.Dialects;
using Dapper;

namespace CartRecovery.Data.Sms;

/// <summary>Numbers a store must not text, keyed by (store, E.164 number).</summary>
internal sealed class SmsSuppressionList : ISmsSuppressionList
{
    private const string ExistsSql = "SELECT COUNT(*) FROM sms_suppressions WHERE store_id = @StoreId AND phone = @Phone";

    private const string InsertSql = """
        INSERT INTO sms_suppressions (store_id, phone, reason, created_at) VALUES (@StoreId, @Phone, @Reason, @CreatedAt)
        """;

    private const string DeleteSql = "DELETE FROM sms_suppressions WHERE store_id = @StoreId AND phone = @Phone";

    private readonly IDbConnectionFactory _connections;
    private readonly SqlDialect _dialect;

    public SmsSuppressionList(IDbConnectionFactory connections, SqlDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(connections);
        ArgumentNullException.ThrowIfNull(dialect);
        DapperSetup.Ensure();
        _connections = connections;
        _dialect = dialect;
    }

    public async Task<bool> IsSuppressedAsync(long storeId, string e164, CancellationToken ct)
    {
        await using var db = await _connections.OpenAsync(ct);
        return await db.ExecuteScalarAsync<long>(new CommandDefinition(ExistsSql, new { StoreId = storeId, Phone = e164 }, cancellationToken: ct)) > 0;
    }

    /// <summary>Adds the number; when it is there already, the first reason and time stay.</summary>
    public async Task SuppressAsync(long storeId, string e164, string reason, DateTimeOffset at, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(e164);
        await using var db = await _connections.OpenAsync(ct);
        await db.ExecuteAsync(new CommandDefinition(_dialect.InsertIgnoringDuplicates(InsertSql, "store_id, phone"),
            new { StoreId = storeId, Phone = e164, Reason = reason, CreatedAt = DbTime.ToDb(at) }, cancellationToken: ct));
    }

    public async Task<bool> RemoveAsync(long storeId, string e164, CancellationToken ct)
    {
        await using var db = await _connections.OpenAsync(ct);
        return await db.ExecuteAsync(new CommandDefinition(DeleteSql, new { StoreId = storeId, Phone = e164 }, cancellationToken: ct)) > 0;
    }
}
