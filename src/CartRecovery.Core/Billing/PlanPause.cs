namespace CartRecovery.Core.Billing;

/// <summary>Why a store's plan holds its emails back (<see cref="PlanCheck.Cause"/>).</summary>
public enum PlanPause
{
    /// <summary>A paid plan waits for the merchant's approval on the platform.</summary>
    ApprovalPending = 0,
    /// <summary>The plan's emails for this period are used up.</summary>
    AllowanceUsed = 1,
    /// <summary>The platform subscription was declined, cancelled, frozen or expired: a plan must be chosen again.</summary>
    Cancelled = 2,
}
