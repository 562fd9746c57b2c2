namespace CartRecovery.Core.Accounts;

public interface IAuditLog
{
    Task AppendAsync(AuditEntry entry, CancellationToken ct);

    /// <summary>The account's entries, newest first.</summary>
    Task<IReadOnlyList<AuditEntry>> ListAsync(long accountId, int skip, int take, CancellationToken ct);

    /// <summary>Deletes entries older than <paramref name="before"/> (retention). Returns how many.</summary>
    Task<int> PurgeAsync(DateTimeOffset before, CancellationToken ct);
}
