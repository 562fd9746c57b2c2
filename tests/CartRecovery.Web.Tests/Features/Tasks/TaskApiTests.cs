using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CartRecovery.Core.Tasks;

namespace CartRecovery.Web.Tests.Features.Tasks;

/// <summary>The hybrid step's follow-up task: created by the sequence, listed, assigned, completed; an order closes it.</summary>
public sealed class TaskApiTests : IDisposable
{
    private readonly CartRecoveryAppFactory _app = new();
    private readonly RecoveryDriver _drive;

    public TaskApiTests() => _drive = new RecoveryDriver(_app);

    public void Dispose() => _app.Dispose();

    private async Task<long> TaskForNewCartAsync(string cartId) => (await _drive.WalkDemoCartToTaskAsync(await _app.DemoStoreAsync(), cartId)).Task.Id;

    [Fact]
    public async Task Task_IsListedAssignedAndCompletedWithItsOutcome()
    {
        var id = await TaskForNewCartAsync("chk-task");
        var admin = _app.AdminClient();

        using (var open = JsonDocument.Parse(await admin.GetStringAsync("/api/tasks?status=open", _drive.Ct)))
            Assert.Equal(id, Assert.Single(open.RootElement.EnumerateArray()).GetProperty("id").GetInt64());
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/tasks/{id}/assign", new { assignee = "Marie" }, _drive.Ct)).StatusCode);
        var done = await admin.PostAsJsonAsync($"/api/tasks/{id}/complete", new { outcome = "Called; she'll order tomorrow" }, _drive.Ct);

        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        var task = (await _app.Service<IFollowUpTaskRepository>().GetAsync(id, _drive.Ct))!;
        Assert.Equal((FollowUpTaskStatus.Done, "Marie", "Called; she'll order tomorrow"), (task.Status, task.Assignee, task.Outcome));
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync($"/api/tasks/{id}/complete", new { outcome = "again" }, _drive.Ct)).StatusCode);
    }

    [Fact]
    public async Task Order_ClosesTheOpenTaskSoItCannotBeCompleted()
    {
        var id = await TaskForNewCartAsync("chk-task-order");
        await _drive.PlaceDemoOrderAsync(_app.BrowserClient(), "chk-task-order");

        var response = await _app.AdminClient().PostAsJsonAsync($"/api/tasks/{id}/complete", new { outcome = "too late" }, _drive.Ct);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(FollowUpTaskStatus.Closed, (await _app.Service<IFollowUpTaskRepository>().GetAsync(id, _drive.Ct))!.Status);
    }

    [Theory]
    [InlineData("/api/tasks/1/complete", """{"outcome":""}""", "outcome")]
    [InlineData("/api/tasks/1/assign", """{}""", "assignee")]
    public async Task Change_WithoutTheRequiredText_Is400NamingTheField(string path, string body, string field)
    {
        var response = await _app.AdminClient().PostAsync(path, new StringContent(body, System.Text.Encoding.UTF8, "application/json"), _drive.Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(_drive.Ct));
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Change_OfAnUnknownTask_Is404()
    {
        var response = await _app.AdminClient().PostAsJsonAsync("/api/tasks/4242/assign", new { assignee = "Marie" }, _drive.Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
