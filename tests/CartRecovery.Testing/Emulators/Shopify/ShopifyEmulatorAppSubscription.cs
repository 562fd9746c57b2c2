namespace CartRecovery.Testing.Emulators.Shopify;

/// <summary>
/// An app subscription the app asked for (admin-graphql objects/AppSubscription): PENDING until the merchant approves
/// it at its confirmation URL (or a test calls <see cref="ShopifyEmulator.ApproveAppSubscription"/>), then ACTIVE with a
/// 30-day period; a recurring line and/or a capped usage line whose balance the usage records use up.
/// </summary>
public sealed class ShopifyEmulatorAppSubscription
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required Uri ReturnUrl { get; init; }
    public bool Test { get; init; }
    public int TrialDays { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public string Status { get; internal set; } = "PENDING";
    public DateTimeOffset? CurrentPeriodEnd { get; internal set; }
    public string? RecurringLineItemId { get; init; }
    public decimal? RecurringPrice { get; init; }
    public string? UsageLineItemId { get; init; }
    public decimal? CappedAmount { get; init; }
    public string? Terms { get; init; }
    public required string Currency { get; init; }
    public decimal BalanceUsed { get; internal set; }
    public List<ShopifyEmulatorUsageRecord> UsageRecords { get; } = [];
}

/// <summary>One usage charge (admin-graphql objects/AppUsageRecord).</summary>
public sealed record ShopifyEmulatorUsageRecord(string Id, string LineItemId, decimal Amount, string Description, string? IdempotencyKey, DateTimeOffset CreatedAt);
