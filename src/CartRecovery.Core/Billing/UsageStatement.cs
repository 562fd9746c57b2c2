namespace CartRecovery.Core.Billing;

/// <summary>One store's month, to invoice from: the plan, the emails sent, what is included and what the rest costs.</summary>
public sealed record UsageStatement(
    long StoreId,
    string StoreName,
    string Month,
    string Plan,
    string Currency,
    long EmailsSent,
    long IncludedEmails,
    long BillableEmails,
    decimal MonthlyPrice,
    decimal UsageCharge)
{
    public decimal Total => MonthlyPrice + UsageCharge;
}
