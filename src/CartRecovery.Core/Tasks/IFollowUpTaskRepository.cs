namespace CartRecovery.Core.Tasks;

public interface IFollowUpTaskRepository
{
    /// <summary>Creates the task unless one exists for its message already; returns the stored task either way.</summary>
    Task<FollowUpTask> CreateAsync(FollowUpTask task, CancellationToken ct);

    /// <summary>
    /// Tasks by store and status (null: any), oldest first, limited to <paramref name="visibleStoreIds"/> (the stores the
    /// caller may see; null: no such limit, empty: nothing).
    /// </summary>
    Task<IReadOnlyList<FollowUpTask>> ListAsync(long? storeId, FollowUpTaskStatus? status, IReadOnlyCollection<long>? visibleStoreIds, CancellationToken ct);

    Task<FollowUpTask?> GetAsync(long taskId, CancellationToken ct);

    /// <summary>Sets who handles an open task. False when the task is not open.</summary>
    Task<bool> AssignAsync(long taskId, string assignee, CancellationToken ct);

    /// <summary>Open → Done with an outcome. False when the task is not open (done, or closed by an order).</summary>
    Task<bool> CompleteAsync(long taskId, string outcome, DateTimeOffset at, CancellationToken ct);

    /// <summary>Closes the open tasks of a cart (it converted or opted out). Returns how many.</summary>
    Task<int> CloseForCartAsync(long cartId, CancellationToken ct);
}
