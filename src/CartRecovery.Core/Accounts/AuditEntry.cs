namespace CartRecovery.Core.Accounts;

/// <summary>
/// One change in an account: who (<see cref="Actor"/>), what (<see cref="Action"/> such as <c>store.settings</c>,
/// <c>sequence.update</c>, <c>template.save</c>, <c>policy.update</c>, <c>suppression.add</c>, <c>key.create</c>,
/// <c>team.role</c>), on what (<see cref="Target"/>, e.g. <c>store:12</c>), when, and the JSON before and after.
/// </summary>
public sealed record AuditEntry
{
    public long Id { get; init; }
    public long AccountId { get; init; }
    public long? StoreId { get; init; }
    public DateTimeOffset At { get; init; }
    public required Actor Actor { get; init; }
    public required string Action { get; init; }
    public required string Target { get; init; }
    public string? Before { get; init; }
    public string? After { get; init; }
}
