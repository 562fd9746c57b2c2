namespace CartRecovery.Core.Accounts;

/// <summary>Accounts, sign-in and the audit log (section <c>Accounts</c>).</summary>
public sealed class AccountsOptions
{
    public const string Section = "Accounts";

    /// <summary>Days an audit log entry is kept before the retention purge deletes it.</summary>
    public int AuditRetentionDays { get; set; } = 365;
}
