using CartRecovery.Core.Billing;
using CartRecovery.Data.Connections;
using CartRecovery.Data.Dialects;
using Dapper;

namespace CartRecovery.Data.Billing;

/// <summary>The plan of each store, one row per store.</summary>
internal sealed class SubscriptionRepository : ISubscriptionRepository
{
    private const string GetSql = $"SELECT {StoreSubscriptionRow.Columns} FROM store_subscriptions WHERE store_id = @StoreId";

    private const string FindByExternalIdSql = $"SELECT {StoreSubscriptionRow.Columns} FROM store_subscriptions WHERE external_id = @ExternalId";

    private const string UpdateSql = """
        UPDATE store_subscriptions
        SET plan_name = @PlanName, status = @Status, external_id = @ExternalId, usage_line_item_id = @UsageLineItemId,
            confirmation_url = @ConfirmationUrl, test = @Test, trial_ends_at = @TrialEndsAt, current_period_end = @CurrentPeriodEnd,
            usage_charged_micros = @UsageChargedMicros, usage_period_end = @UsagePeriodEnd, updated_at = @UpdatedAt
        WHERE store_id = @StoreId
        """;

    private const string InsertSql = $"""
        INSERT INTO store_subscriptions ({StoreSubscriptionRow.Columns})
        VALUES (@StoreId, @PlanName, @Status, @ExternalId, @UsageLineItemId, @ConfirmationUrl, @Test, @TrialEndsAt,
                @CurrentPeriodEnd, @UsageChargedMicros, @UsagePeriodEnd, @UpdatedAt)
        """;

    private readonly IDbConnectionFactory _connections;
    private readonly SqlDialect _dialect;

    public SubscriptionRepository(IDbConnectionFactory connections, SqlDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(connections);
        ArgumentNullException.ThrowIfNull(dialect);
        DapperSetup.Ensure();
        _connections = connections;
        _dialect = dialect;
    }

    public async Task<StoreSubscription?> GetAsync(long storeId, CancellationToken ct)
    {
        await using var db = await _connections.OpenAsync(ct);
        var row = await db.QuerySingleOrDefaultAsync<StoreSubscriptionRow>(new CommandDefinition(GetSql, new { StoreId = storeId }, cancellationToken: ct));
        return row?.ToSubscription();
    }

    public async Task<StoreSubscription?> FindByExternalIdAsync(string externalId, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(externalId);
        await using var db = await _connections.OpenAsync(ct);
        var row = await db.QuerySingleOrDefaultAsync<StoreSubscriptionRow>(
            new CommandDefinition(FindByExternalIdSql, new { ExternalId = externalId }, cancellationToken: ct));
        return row?.ToSubscription();
    }

    public async Task UpsertAsync(StoreSubscription subscription, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        await UpdateOrInsert.SaveAsync(_connections, _dialect, UpdateSql, InsertSql, StoreSubscriptionRow.From(subscription), ct);
    }
}
