using CartRecovery.Core.Stores;
using CartRecovery.Data.Connections;
using CartRecovery.Data.Dialects;
using Dapper;

namespace CartRecovery.Data.Stores;

/// <summary>Each store's sending policy, one row per store; a store without a row gets the defaults.</summary>
internal sealed class StorePolicyRepository : IStorePolicyRepository
{
    private const string GetSql = $"SELECT {SendingPolicyRow.Columns} FROM sending_policies WHERE store_id = @StoreId";

    private const string UpdateSql = """
        UPDATE sending_policies
        SET account = @Account, frequency_cap_count = @FrequencyCapCount, frequency_cap_window_ms = @FrequencyCapWindowMs,
            quiet_start_minute = @QuietStartMinute, quiet_end_minute = @QuietEndMinute, max_cart_age_ms = @MaxCartAgeMs,
            consent = @Consent, retention_days = @RetentionDays, updated_at = @UpdatedAt,
            offer_cooldown_days = @OfferCooldownDays, offer_farming_abandons = @OfferFarmingAbandons,
            returning_offer_kind = @ReturningOfferKind, returning_offer_value = @ReturningOfferValue,
            returning_offer_valid_for_hours = @ReturningOfferValidForHours
        WHERE store_id = @StoreId
        """;

    private const string InsertSql = $"""
        INSERT INTO sending_policies ({SendingPolicyRow.Columns})
        VALUES (@StoreId, @Account, @FrequencyCapCount, @FrequencyCapWindowMs, @QuietStartMinute, @QuietEndMinute,
                @MaxCartAgeMs, @Consent, @RetentionDays, @UpdatedAt, @OfferCooldownDays, @OfferFarmingAbandons,
                @ReturningOfferKind, @ReturningOfferValue, @ReturningOfferValidForHours)
        """;

    private const string CapGroupSql = """
        SELECT p.store_id FROM sending_policies p
        WHERE p.account = (SELECT account FROM sending_policies WHERE store_id = @StoreId)
        """;

    private readonly IDbConnectionFactory _connections;
    private readonly SqlDialect _dialect;

    public StorePolicyRepository(IDbConnectionFactory connections, SqlDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(connections);
        ArgumentNullException.ThrowIfNull(dialect);
        DapperSetup.Ensure();
        _connections = connections;
        _dialect = dialect;
    }

    public async Task<SendingPolicy> GetAsync(long storeId, CancellationToken ct)
    {
        await using var db = await _connections.OpenAsync(ct);
        var row = await db.QuerySingleOrDefaultAsync<SendingPolicyRow>(new CommandDefinition(GetSql, new { StoreId = storeId }, cancellationToken: ct));
        return row?.ToPolicy() ?? SendingPolicy.Default;
    }

    public async Task SaveAsync(long storeId, SendingPolicy policy, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(policy);
        await UpdateOrInsert.SaveAsync(_connections, _dialect, UpdateSql, InsertSql, SendingPolicyRow.From(storeId, policy, now), ct);
    }

    public async Task<IReadOnlyList<long>> CapGroupAsync(long storeId, CancellationToken ct)
    {
        await using var db = await _connections.OpenAsync(ct);
        var ids = (await db.QueryAsync<long>(new CommandDefinition(CapGroupSql, new { StoreId = storeId }, cancellationToken: ct))).ToList();
        if (!ids.Contains(storeId))
            ids.Add(storeId);
        ids.Sort();
        return ids;
    }
}
