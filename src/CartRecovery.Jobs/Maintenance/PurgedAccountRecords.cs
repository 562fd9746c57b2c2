namespace CartRecovery.Jobs.Maintenance;

/// <summary>How many of each record <see cref="AccountRecordsPurge"/> deleted.</summary>
public sealed record PurgedAccountRecords(int Sessions, int SignInLinks, int Invitations, int AuditEntries)
{
    public int Total => Sessions + SignInLinks + Invitations + AuditEntries;
}
