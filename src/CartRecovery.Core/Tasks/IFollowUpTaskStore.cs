namespace CartRecovery.Core.Tasks;

public interface IFollowUpTaskStore
{
    /// <summary>Creates the task unless one exists for its message already; returns the stored task either way.</summary>
    Task<FollowUpTask> CreateAsync(FollowUpTask task, CancellationToken ct);

    Task<IReadOnlyList<FollowUpTask>> ListAsync(long? storeId, FollowUpTaskStatus? status, CancellationToken ct);

    /// <summary>Closes the open tasks of a cart (it converted or opted out). Returns how many.</summary>
    Task<int> CloseForCartAsync(long cartId, CancellationToken ct);
}
