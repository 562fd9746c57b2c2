namespace CartRecovery.Core.Billing;

/// <summary>
/// One reading of a store's plan (<see cref="PlanGate.EvaluateAsync"/>): the plan in force, the subscription behind it
/// (pending, active or ended; null when none was ever chosen), whether the platform bills it, the period, the emails
/// sent in it, and what that means for the next email.
/// </summary>
public sealed record PlanStanding(Plan Plan, StoreSubscription? Subscription, bool BilledByPlatform, BillingPeriod Period, long Sent, PlanCheck Check);
