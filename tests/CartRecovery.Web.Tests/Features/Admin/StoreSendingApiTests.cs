using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CartRecovery.Core.Messages;
using CartRecovery.Core.Stores;
using CartRecovery.Core.Suppression;

namespace CartRecovery.Web.Tests.Features.Admin;

public sealed class StoreSendingApiTests : IDisposable
{
    private readonly CartRecoveryAppFactory _app = new();
    private readonly RecoveryDriver _drive;

    public StoreSendingApiTests() => _drive = new RecoveryDriver(_app);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task AddSuppression_CancelsPendingMessagesAndIsHonouredThenRemoving_LetsMailGoAgain()
    {
        var store = await _app.DemoStoreAsync();
        await _drive.ReportCartAsync(store, "chk-sup", "Ana@Example.com");
        _drive.Advance(TimeSpan.FromSeconds(11));
        await _drive.DetectAsync();
        var admin = _app.AdminClient();

        var added = await admin.PostAsJsonAsync($"/api/stores/{store.Id}/suppressions", new { email = "ana@example.com", reason = "asked by phone" }, _drive.Ct);

        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var cart = (await _drive.CartAsync(store, "chk-sup"))!;
        Assert.All(await _app.Service<IMessageRepository>().ListForCartAsync(cart.Id, _drive.Ct), m => Assert.Equal(MessageStatus.Cancelled, m.Status));
        using (var list = JsonDocument.Parse(await admin.GetStringAsync($"/api/stores/{store.Id}/suppressions", _drive.Ct)))
            Assert.Equal("asked by phone", Assert.Single(list.RootElement.EnumerateArray()).GetProperty("reason").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/stores/{store.Id}/suppressions/ANA@example.com", _drive.Ct)).StatusCode);
        Assert.False(await _app.Service<ISuppressionList>().IsSuppressedAsync(store.Id, "ana@example.com", _drive.Ct));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"/api/stores/{store.Id}/suppressions/ana@example.com", _drive.Ct)).StatusCode);
    }

    [Fact]
    public async Task AddSuppression_ClosesTheCustomersCartAndItsOpenFollowUpTask()
    {
        var store = await _app.DemoStoreAsync();
        var (cart, task) = await _drive.WalkDemoCartToTaskAsync(store, "chk-task");

        var added = await _app.AdminClient().PostAsJsonAsync($"/api/stores/{store.Id}/suppressions", new { email = " ANA@example.com" }, _drive.Ct);

        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        await _drive.AssertOptedOutAsync(cart, task);
    }

    [Theory]
    [InlineData("""{"email":"not an address"}""")]
    [InlineData("""{}""")]
    public async Task AddSuppression_WithABadAddress_Is400NamingEmail(string body)
    {
        var store = await _app.DemoStoreAsync();

        var response = await _app.AdminClient().PostAsync($"/api/stores/{store.Id}/suppressions",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"), _drive.Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(_drive.Ct));
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty("email", out _));
    }

    [Fact]
    public async Task ResumeSending_ClearsThePauseAndPausedMessagesGoOutAgain()
    {
        var demo = await _app.DemoStoreAsync();
        var store = await _app.Service<IStoreRepository>().UpsertAsync(demo with { SendingPausedReason = "Postmark rejected the server token" }, _drive.Ct);
        await _drive.ReportCartAsync(store, "chk-paused");
        _drive.Advance(TimeSpan.FromSeconds(11));
        await _drive.DetectAsync();
        _drive.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(0, (await _drive.DispatchAsync()).Sent);
        Assert.Empty(_app.PickedUpEmails());

        var resumed = await _app.AdminClient().PostAsync($"/api/stores/{store.Id}/resume-sending", null, _drive.Ct);
        Assert.Equal(HttpStatusCode.OK, resumed.StatusCode);
        _drive.Advance(TimeSpan.FromMinutes(5));

        Assert.True((await _drive.DispatchAsync()).Sent >= 1);
        var message = (await _app.Service<IMessageRepository>().ListForCartAsync((await _drive.CartAsync(store, "chk-paused"))!.Id, _drive.Ct)).Single(m => m.Step == 1);
        // Claimed twice, sent once: the paused round gave its attempt back.
        Assert.Equal((MessageStatus.Sent, 1), (message.Status, message.Attempts));
    }
}
