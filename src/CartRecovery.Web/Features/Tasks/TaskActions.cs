using CartRecovery.Core.Tasks;
using CartRecovery.Web.Features.Audit;
using CartRecovery.Web.Features.Auth;

namespace CartRecovery.Web.Features.Tasks;

/// <summary>What came of a change to a follow-up task; <see cref="Task"/> is the task as stored afterwards.</summary>
internal enum TaskChangeResult
{
    Changed,
    /// <summary>No such task, or its store is not visible to the caller.</summary>
    NotFound,
    /// <summary>The task is done or closed; only open tasks change.</summary>
    NotOpen,
}

internal sealed record TaskChange(TaskChangeResult Result, FollowUpTask? Task);

/// <summary>
/// Assigning and completing follow-up tasks, for the API and the pages alike: the task is reached through the caller's
/// <see cref="StoreAccess"/> (another account's task reads as missing), only an open task changes, and every change is
/// audited (<c>task.assign</c>, <c>task.complete</c>).
/// </summary>
internal sealed class TaskActions(IFollowUpTaskRepository tasks, StoreAccess stores, AuditTrail audit, TimeProvider time)
{
    public const int MaxAssigneeLength = 200;
    public const int MaxOutcomeLength = 2000;

    /// <summary>The trimmed assignee, or null when it is empty or longer than <see cref="MaxAssigneeLength"/>.</summary>
    public static string? ValidAssignee(string? assignee) =>
        assignee?.Trim() is { Length: > 0 and <= MaxAssigneeLength } trimmed ? trimmed : null;

    /// <summary>The trimmed outcome, or null when it is empty or longer than <see cref="MaxOutcomeLength"/>.</summary>
    public static string? ValidOutcome(string? outcome) =>
        outcome?.Trim() is { Length: > 0 and <= MaxOutcomeLength } trimmed ? trimmed : null;

    public Task<TaskChange> AssignAsync(long taskId, string assignee, CancellationToken ct) =>
        ChangeAsync(taskId, "task.assign", () => tasks.AssignAsync(taskId, assignee, ct), ct);

    public Task<TaskChange> CompleteAsync(long taskId, string outcome, CancellationToken ct) =>
        ChangeAsync(taskId, "task.complete", () => tasks.CompleteAsync(taskId, outcome, time.GetUtcNow(), ct), ct);

    private async Task<TaskChange> ChangeAsync(long taskId, string action, Func<Task<bool>> change, CancellationToken ct)
    {
        if (await stores.GetTaskAsync(taskId, ct) is not { } before || await stores.GetAsync(before.StoreId, ct) is not { } store)
            return new(TaskChangeResult.NotFound, null);
        var changed = await change();
        var after = await tasks.GetAsync(taskId, ct);
        if (!changed || after is null)
            return new(after is null ? TaskChangeResult.NotFound : TaskChangeResult.NotOpen, after);
        await audit.RecordAsync(store, action, before, after, ct, $"task:{taskId}");
        return new(TaskChangeResult.Changed, after);
    }
}
