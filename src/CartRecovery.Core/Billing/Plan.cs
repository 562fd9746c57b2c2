namespace CartRecovery.Core.Billing;

/// <summary>
/// A plan the deployment sells (section <c>Billing:Plans</c>): a monthly price with some recovery emails included,
/// and optionally a price per email beyond them up to a monthly cap. Prices are in <see cref="BillingOptions.Currency"/>.
/// </summary>
public sealed class Plan
{
    /// <summary>Shown to merchants and used as the Shopify subscription name; unique among the plans.</summary>
    public string Name { get; set; } = "";

    /// <summary>Days free after the merchant approves the plan (Shopify counts them from approval).</summary>
    public int TrialDays { get; set; }

    /// <summary>Charged every 30 days; 0 is a free plan.</summary>
    public decimal MonthlyPrice { get; set; }

    /// <summary>Recovery emails per billing period covered by the monthly price.</summary>
    public int IncludedEmails { get; set; }

    /// <summary>Charged per email beyond <see cref="IncludedEmails"/>; 0: the plan stops sending there instead.</summary>
    public decimal UsagePricePerEmail { get; set; }

    /// <summary>At most this much usage per period (Shopify's capped amount); sending pauses when the next email would pass it.</summary>
    public decimal UsageCap { get; set; }

    public bool HasUsagePricing => UsagePricePerEmail > 0 && UsageCap > 0;

    /// <summary>How many emails of a period the plan allows: the included ones, then as many as the usage cap pays for.</summary>
    public long EmailAllowance => IncludedEmails + (HasUsagePricing ? (long)decimal.Floor(UsageCap / UsagePricePerEmail) : 0);

    /// <summary>What the emails beyond the included ones cost, capped.</summary>
    public decimal UsageCharge(long emailsSent) =>
        HasUsagePricing ? Math.Min(UsageCap, Math.Max(0, emailsSent - IncludedEmails) * UsagePricePerEmail) : 0;
}
