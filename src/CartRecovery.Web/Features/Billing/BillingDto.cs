using CartRecovery.Core.Billing;

namespace CartRecovery.Web.Features.Billing;

/// <summary>
/// A store's plan as the merchant sees it: which plan, its status on the platform, the current period's emails against
/// the allowance, and why sending waits when it does.
/// </summary>
internal sealed record BillingDto(
    bool Enabled,
    string? Plan,
    SubscriptionStatus? Status,
    bool BilledByPlatform,
    string? PendingPlan,
    string? ConfirmationUrl,
    DateTimeOffset? TrialEndsAt,
    DateTimeOffset? PeriodStart,
    DateTimeOffset? PeriodEnd,
    long EmailsSent,
    long? IncludedEmails,
    long? EmailAllowance,
    decimal UsageCharged,
    string Currency,
    string? SendingPausedReason,
    IReadOnlyList<PlanDto> Plans);

internal sealed record PlanDto(string Name, int TrialDays, decimal MonthlyPrice, int IncludedEmails, decimal UsagePricePerEmail, decimal UsageCap)
{
    public static PlanDto From(Plan plan) =>
        new(plan.Name, plan.TrialDays, plan.MonthlyPrice, plan.IncludedEmails, plan.UsagePricePerEmail, plan.UsageCap);
}

/// <summary>Choosing a plan: applied at once (<see cref="ConfirmationUrl"/> null) or waiting for the merchant's approval there.</summary>
internal sealed record ChoosePlanResponse(string Plan, string? ConfirmationUrl);

internal sealed record ChoosePlanRequest(string? Plan);
