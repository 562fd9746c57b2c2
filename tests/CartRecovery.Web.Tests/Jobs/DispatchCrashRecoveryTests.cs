using System.Text.Json;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Messages;
using CartRecovery.Core.Recovery;
using CartRecovery.Core.Stores;
using Microsoft.Extensions.DependencyInjection;

namespace CartRecovery.Web.Tests.Jobs;

/// <summary>A dispatcher that dies between claiming a message and sending it must not lose it, nor send it twice.</summary>
public sealed class DispatchCrashRecoveryTests : IDisposable
{
    private readonly CartRecoveryAppFactory _app = new();
    private readonly RecoveryDriver _drive;

    public DispatchCrashRecoveryTests() => _drive = new RecoveryDriver(_app);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task ClaimedMessage_WhenItsDispatcherDies_IsSentOnceAfterTheLeaseRunsOut()
    {
        await StandardStoreWithStepOneDueAsync("chk-crash");

        // A node claims step 1 and dies before sending: its claim is in the database, nothing was sent.
        var lease = _app.Service<RecoveryOptions>().ClaimLease;
        var claimed = await _app.Service<IMessageRepository>().ClaimDueAsync("node-that-dies", _app.Time.GetUtcNow(), lease, 10, _drive.Ct);
        var message = Assert.Single(claimed);

        // While the lease holds, the surviving dispatcher leaves the message alone.
        _drive.Advance(lease - TimeSpan.FromSeconds(1));
        Assert.Equal(0, (await _drive.DispatchAsync()).Claimed);
        Assert.Empty(_app.PickedUpEmails());

        // Once it runs out, the message comes back and is sent exactly once.
        _drive.Advance(TimeSpan.FromSeconds(2));
        var summary = await _drive.DispatchAsync();
        Assert.Equal(1, summary.Sent);
        Assert.Single(_app.PickedUpEmails());
        var stored = await _app.Service<IMessageRepository>().GetAsync(message.Id, _drive.Ct);
        Assert.Equal((MessageStatus.Sent, 2), (stored!.Status, stored.Attempts));

        // The dead node coming back cannot overwrite the new outcome.
        Assert.False(await _app.Service<IMessageRepository>().MarkFailedAsync(message.Id, "node-that-dies", "late", null, _drive.Ct));
        Assert.Equal(0, (await _drive.DispatchAsync()).Claimed);
    }

    [Fact]
    public async Task ClaimedMessage_WhoseDispatcherDiesEveryTime_IsQuarantinedAndTheCartsNextStepIsStillSent()
    {
        var store = await StandardStoreWithStepOneDueAsync("chk-poison");
        var options = _app.Service<RecoveryOptions>();
        var messages = _app.Service<IMessageRepository>();

        // Each node that claims step 1 dies mid-send (as a poisonous template did): no outcome, the lease runs out.
        long poisonId = 0;
        for (var crash = 1; crash <= options.PoisonAfterUnfinishedAttempts; crash++)
        {
            var claim = crash == 1 ? messages.ClaimDueAsync : (Func<string, DateTimeOffset, TimeSpan, int, CancellationToken, Task<IReadOnlyList<OutboundMessage>>>)messages.ClaimExpiredAsync;
            poisonId = Assert.Single(await claim($"node-{crash}", _app.Time.GetUtcNow(), options.ClaimLease, 10, _drive.Ct)).Id;
            _drive.Advance(options.ClaimLease + TimeSpan.FromSeconds(1));
        }

        // The next claim sets it aside instead of trying again, and no later pass takes it.
        var summary = await _drive.DispatchAsync();
        Assert.Equal((1, 1, 0), (summary.Claimed, summary.Failed, summary.Sent));
        _drive.Advance(options.ClaimLease * 2);
        Assert.Equal(0, (await _drive.DispatchAsync()).Claimed);
        var poison = (await messages.GetAsync(poisonId, _drive.Ct))!;
        Assert.Equal(MessageStatus.Quarantined, poison.Status);
        Assert.Contains("3 attempts in a row ended without any result", poison.LastError, StringComparison.Ordinal);
        var cart = (await _drive.CartAsync(store, "chk-poison"))!;
        var events = await _app.Service<ICartRepository>().GetTimelineAsync(cart.Id, _drive.Ct);
        Assert.Contains(events, e => e.Kind == CartEventKinds.MessageQuarantined && e.MessageId == poisonId);
        using (var metrics = JsonDocument.Parse(await _app.AdminClient().GetStringAsync($"/api/metrics?storeId={store.Id}", _drive.Ct)))
            Assert.Equal(1, metrics.RootElement.GetProperty("quarantinedMessages").GetInt32());
        Assert.Empty(_app.PickedUpEmails());

        // The cart's other steps go on.
        _drive.Advance(TimeSpan.FromHours(24));
        Assert.Equal(1, (await _drive.DispatchAsync()).Sent);
        Assert.Single(_app.PickedUpEmails());
    }

    // The standard sequence (1 h, 24 h, 48 h), so no later step falls due while a test waits out leases.
    private async Task<Store> StandardStoreWithStepOneDueAsync(string externalId)
    {
        var demo = await _app.DemoStoreAsync();
        var store = await _app.Service<IStoreRepository>().UpsertAsync(demo with { Id = 0, PublicKey = null, ExternalId = "standard", Sequence = "standard" }, _drive.Ct);
        await _drive.ReportCartAsync(store, externalId);
        _drive.Advance(TimeSpan.FromSeconds(11));
        await _drive.DetectAsync();
        _drive.Advance(TimeSpan.FromHours(1));
        return store;
    }

    [Fact]
    public async Task TwoDispatchers_RacingForTheSameMessages_SendEachOnce()
    {
        var store = await _app.DemoStoreAsync();
        for (var i = 0; i < 20; i++)
            await _drive.ReportCartAsync(store, $"chk-race-{i}", $"shopper{i}@example.com");
        _drive.Advance(TimeSpan.FromSeconds(11));
        Assert.Equal(20, await _drive.DetectAsync());
        _drive.Advance(TimeSpan.FromSeconds(5));

        // Four dispatchers with claimer ids of their own, as four nodes would have.
        var dispatchers = Enumerable.Range(0, 4).Select(_ => ActivatorUtilities.CreateInstance<MessageDispatcher>(_app.Services)).ToList();
        var results = await Task.WhenAll(dispatchers.Select(d => Task.Run(() => d.RunOnceAsync(_drive.Ct), _drive.Ct)));

        Assert.Equal(20, results.Sum(r => r.Sent));
        Assert.Equal(20, _app.PickedUpEmails().Length);
    }
}
