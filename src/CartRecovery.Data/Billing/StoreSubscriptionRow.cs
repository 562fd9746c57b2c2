using CartRecovery.Core.Billing;

namespace CartRecovery.Data.Billing;

internal sealed record StoreSubscriptionRow
{
    public const string Columns = """
        store_id, plan_name, status, external_id, usage_line_item_id, confirmation_url, test, trial_ends_at,
        current_period_end, usage_charged_micros, usage_period_end, updated_at
        """;

    private const decimal Micros = 1_000_000m;

    public long StoreId { get; init; }
    public string PlanName { get; init; } = "";
    public long Status { get; init; }
    public string? ExternalId { get; init; }
    public string? UsageLineItemId { get; init; }
    public string? ConfirmationUrl { get; init; }
    public long Test { get; init; }
    public long? TrialEndsAt { get; init; }
    public long? CurrentPeriodEnd { get; init; }
    public long UsageChargedMicros { get; init; }
    public long? UsagePeriodEnd { get; init; }
    public long UpdatedAt { get; init; }

    public static StoreSubscriptionRow From(StoreSubscription s) => new()
    {
        StoreId = s.StoreId,
        PlanName = s.Plan,
        Status = (long)s.Status,
        ExternalId = s.ExternalId,
        UsageLineItemId = s.UsageLineItemId,
        ConfirmationUrl = s.ConfirmationUrl,
        Test = s.Test ? 1 : 0,
        TrialEndsAt = DbTime.ToDb(s.TrialEndsAt),
        CurrentPeriodEnd = DbTime.ToDb(s.CurrentPeriodEnd),
        UsageChargedMicros = (long)decimal.Round(s.UsageCharged * Micros),
        UsagePeriodEnd = DbTime.ToDb(s.UsagePeriodEnd),
        UpdatedAt = DbTime.ToDb(s.UpdatedAt),
    };

    public StoreSubscription ToSubscription() => new()
    {
        StoreId = StoreId,
        Plan = PlanName,
        Status = (SubscriptionStatus)Status,
        ExternalId = ExternalId,
        UsageLineItemId = UsageLineItemId,
        ConfirmationUrl = ConfirmationUrl,
        Test = Test != 0,
        TrialEndsAt = DbTime.FromDb(TrialEndsAt),
        CurrentPeriodEnd = DbTime.FromDb(CurrentPeriodEnd),
        UsageCharged = UsageChargedMicros / Micros,
        UsagePeriodEnd = DbTime.FromDb(UsagePeriodEnd),
        UpdatedAt = DbTime.FromDb(UpdatedAt),
    };
}
