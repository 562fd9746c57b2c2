namespace CartRecovery.Core.Accounts;

/// <summary>Accounts, sign-in and the audit log (section <c>Accounts</c>).</summary>
public sealed class AccountsOptions
{
    public const string Section = "Accounts";

    /// <summary>Days an audit log entry is kept before the retention purge deletes it.</summary>
    public int AuditRetentionDays { get; set; } = 365;

    /// <summary>A browser not used for this long is signed out.</summary>
    public double SessionIdleHours { get; set; } = 12;

    /// <summary>A session ends this long after sign-in, however busy.</summary>
    public double SessionDays { get; set; } = 14;

    /// <summary>Sign-in links one email address may ask for per hour.</summary>
    public int SignInLinksPerAddressPerHour { get; set; } = 5;

    /// <summary>Sign-in links one client (IP address) may ask for per hour, whatever the addresses.</summary>
    public int SignInLinksPerClientPerHour { get; set; } = 20;

    /// <summary>How long an invitation link stays valid.</summary>
    public double InvitationDays { get; set; } = 7;

    /// <summary>The From address of sign-in and invitation emails; empty: <c>no-reply@</c> the public host.</summary>
    public string FromAddress { get; set; } = "";

    public string FromName { get; set; } = "CartRecovery";
}
