namespace CartRecovery.Core.Tasks;

public enum FollowUpTaskStatus
{
    Open = 0,
    Done = 1,
    /// <summary>Closed by the system: the customer ordered or opted out first.</summary>
    Closed = 2,
}

/// <summary>A cart handed to a person on the merchant's team (call or write to the customer).</summary>
public sealed record FollowUpTask
{
    public long Id { get; init; }
    public required long StoreId { get; init; }
    public required long CartId { get; init; }
    /// <summary>The sequence message that created it; one task per message.</summary>
    public required long MessageId { get; init; }
    public required string Summary { get; init; }
    public FollowUpTaskStatus Status { get; init; } = FollowUpTaskStatus.Open;
    public required DateTimeOffset CreatedAt { get; init; }
    /// <summary>Who on the merchant's team handles it (free text: a name or an address).</summary>
    public string? Assignee { get; init; }
    /// <summary>What came of it, written by the person who completed it.</summary>
    public string? Outcome { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }
}
