using CartRecovery.Core.Tasks;

namespace CartRecovery.Data.Tasks;

/// <summary>One row of <c>follow_up_tasks</c>.</summary>
internal sealed class FollowUpTaskRow
{
    public const string Columns = "id, store_id, cart_id, message_id, summary, status, created_at, assignee, outcome, completed_at";

    public long Id { get; set; }
    public long StoreId { get; set; }
    public long CartId { get; set; }
    public long MessageId { get; set; }
    public string Summary { get; set; } = "";
    public int Status { get; set; }
    public long CreatedAt { get; set; }
    public string? Assignee { get; set; }
    public string? Outcome { get; set; }
    public long? CompletedAt { get; set; }

    public static FollowUpTaskRow From(FollowUpTask task) => new()
    {
        Id = task.Id,
        StoreId = task.StoreId,
        CartId = task.CartId,
        MessageId = task.MessageId,
        Summary = task.Summary,
        Status = (int)task.Status,
        CreatedAt = DbTime.ToDb(task.CreatedAt),
    };

    public FollowUpTask ToTask() => new()
    {
        Id = Id,
        StoreId = StoreId,
        CartId = CartId,
        MessageId = MessageId,
        Summary = Summary,
        Status = (FollowUpTaskStatus)Status,
        CreatedAt = DbTime.FromDb(CreatedAt),
        Assignee = Assignee,
        Outcome = Outcome,
        CompletedAt = DbTime.FromDb(CompletedAt),
    };
}
