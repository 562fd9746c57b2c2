using CartRecovery.Core.Tasks;
using CartRecovery.Web.Features.Admin;
using CartRecovery.Web.Features.Api;
using CartRecovery.Web.Features.Auth;

namespace CartRecovery.Web.Features.Tasks;

/// <summary>
/// Follow-up tasks of hybrid sequences (a person calls or writes to the customer): <c>GET /api/tasks?storeId=&amp;status=</c>,
/// <c>POST /api/tasks/{id}/assign</c> and <c>POST /api/tasks/{id}/complete</c>. An order closes a cart's open tasks on its own.
/// </summary>
internal static class TaskEndpoints
{
    public sealed record AssignRequest(string? Assignee);

    public sealed record CompleteRequest(string? Outcome);

    public static RouteGroupBuilder MapTasks(this RouteGroupBuilder api)
    {
        api.MapGet("/tasks", async (long? storeId, string? status, IFollowUpTaskRepository tasks, StoreAccess stores, CancellationToken ct) =>
        {
            FollowUpTaskStatus? parsed = null;
            if (!string.IsNullOrEmpty(status))
            {
                if (!Enum.TryParse<FollowUpTaskStatus>(status, ignoreCase: true, out var s) || int.TryParse(status, out _))
                    return ApiResults.Invalid("status", $"status must be one of {string.Join(", ", Enum.GetNames<FollowUpTaskStatus>())}");
                parsed = s;
            }
            // Another account's store filters to nothing, as a store that does not exist does.
            return Results.Ok(await tasks.ListAsync(storeId, parsed, await stores.VisibleStoreIdsAsync(ct), ct));
        }).Describe<IReadOnlyList<FollowUpTask>>(ApiDescriptions.Tasks, "List follow-up tasks by store and status", 400);

        api.MapPost("/tasks/{id:long}/assign", async (long id, AssignRequest? request, TaskActions actions, CancellationToken ct) =>
        {
            if (TaskActions.ValidAssignee(request?.Assignee) is not { } assignee)
                return ApiResults.Invalid("assignee", $"assignee must be 1 to {TaskActions.MaxAssigneeLength} characters");
            return Result(id, await actions.AssignAsync(id, assignee, ct));
        }).RequireAuthorization(CallerPolicies.Member)
            .Describe<FollowUpTask>(ApiDescriptions.Tasks, "Assign an open task to a person", 400, 404, 409);

        api.MapPost("/tasks/{id:long}/complete", async (long id, CompleteRequest? request, TaskActions actions, CancellationToken ct) =>
        {
            if (TaskActions.ValidOutcome(request?.Outcome) is not { } outcome)
                return ApiResults.Invalid("outcome", $"outcome must be 1 to {TaskActions.MaxOutcomeLength} characters (what came of the call or message)");
            return Result(id, await actions.CompleteAsync(id, outcome, ct));
        }).RequireAuthorization(CallerPolicies.Member)
            .Describe<FollowUpTask>(ApiDescriptions.Tasks, "Complete an open task with its outcome", 400, 404, 409);
        return api;
    }

    private static IResult Result(long id, TaskChange change) => change switch
    {
        { Result: TaskChangeResult.Changed, Task: { } task } => Results.Ok(task),
        { Result: TaskChangeResult.NotOpen, Task: { } task } =>
            Results.Problem(statusCode: 409, title: "Task not open", detail: $"Task {id} is {task.Status}; only open tasks change."),
        _ => TaskNotFound(id),
    };

    private static IResult TaskNotFound(long id) => Results.Problem(statusCode: 404, title: "Task not found", detail: $"There is no task {id}.");
}
