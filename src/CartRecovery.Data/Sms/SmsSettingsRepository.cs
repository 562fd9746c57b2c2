using CartRecovery.Core.Sms;
using CartRecovery.Data.Connections;
using CartRecovery.Data.Dialects;
using Dapper;

namespace CartRecovery.Data.Sms;

/// <summary>Each store's SMS settings, one row per store; a store without a row has texts off.</summary>
internal sealed class SmsSettingsRepository : ISmsSettingsRepository
{
    private const string GetSql = $"SELECT {SmsSettingsRow.Columns} FROM store_sms_settings WHERE store_id = @StoreId";

    private const string UpdateSql = """
        UPDATE store_sms_settings
        SET enabled = @Enabled, country = @Country, consent = @Consent, window_open_minute = @WindowOpenMinute,
            window_close_minute = @WindowCloseMinute, max_parts = @MaxParts, messaging_service_sid = @MessagingServiceSid,
            from_number = @FromNumber, updated_at = @UpdatedAt
        WHERE store_id = @StoreId
        """;

    private const string InsertSql = $"""
        INSERT INTO store_sms_settings ({SmsSettingsRow.Columns})
        VALUES (@StoreId, @Enabled, @Country, @Consent, @WindowOpenMinute, @WindowCloseMinute, @MaxParts,
                @MessagingServiceSid, @FromNumber, @UpdatedAt)
        """;

    private readonly IDbConnectionFactory _connections;
    private readonly SqlDialect _dialect;

    public SmsSettingsRepository(IDbConnectionFactory connections, SqlDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(connections);
        ArgumentNullException.ThrowIfNull(dialect);
        DapperSetup.Ensure();
        _connections = connections;
        _dialect = dialect;
    }

    public async Task<SmsSettings> GetAsync(long storeId, CancellationToken ct)
    {
        await using var db = await _connections.OpenAsync(ct);
        var row = await db.QuerySingleOrDefaultAsync<SmsSettingsRow>(new CommandDefinition(GetSql, new { StoreId = storeId }, cancellationToken: ct));
        return row?.ToSettings() ?? SmsSettings.Default;
    }

    public async Task SaveAsync(long storeId, SmsSettings settings, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(settings);
        await UpdateOrInsert.SaveAsync(_connections, _dialect, UpdateSql, InsertSql, SmsSettingsRow.From(storeId, settings, now), ct);
    }
}
