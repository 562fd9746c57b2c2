using CartRecovery.Core.Email;
using CartRecovery.Core.Messages;
using CartRecovery.Core.Recovery;
using CartRecovery.Core.Stores;

namespace CartRecovery.Web.Tests.Jobs;

/// <summary>A message that kills its dispatcher mid-batch is quarantined alone: the rest of its batch is sent.</summary>
public sealed class DispatchPoisonIsolationTests : IDisposable
{
    private const string Killer = "chk-killer";

    private readonly CartRecoveryAppFactory _app = new(services: s => s.Decorate<IEmailComposer>(inner => new KillingComposer(inner)));

    private readonly RecoveryDriver _drive;

    public DispatchPoisonIsolationTests() => _drive = new RecoveryDriver(_app);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task MessageThatKillsItsDispatcher_InABatchOfMany_IsQuarantinedAlone_AndTheOthersAreSentOnce()
    {
        var demo = await _app.DemoStoreAsync();
        var store = await _app.Service<IStoreRepository>().UpsertAsync(demo with { Id = 0, PublicKey = null, ExternalId = "standard", Sequence = "standard" }, _drive.Ct);
        string[] carts = ["chk-0", "chk-1", Killer, "chk-3", "chk-4", "chk-5"];
        foreach (var cart in carts)
            await _drive.ReportCartAsync(store, cart, email: $"{cart}@example.com");
        _drive.Advance(TimeSpan.FromSeconds(11));
        await _drive.DetectAsync();
        _drive.Advance(TimeSpan.FromHours(1));
        var options = _app.Service<RecoveryOptions>();

        // Each pass that reaches the killer dies (no outcome recorded for anything it holds); the next node starts
        // once the leases ran out. Bounded: a node quarantines after PoisonAfterUnfinishedAttempts deaths.
        var deaths = 0;
        for (var pass = 0; pass < 2 * (options.PoisonAfterUnfinishedAttempts + 2); pass++)
        {
            try
            {
                await _drive.DispatchAsync();
            }
            catch (ProcessDied)
            {
                deaths++;
            }
            _drive.Advance(options.ClaimLease + TimeSpan.FromSeconds(1));
        }

        var messages = _app.Service<IMessageRepository>();
        var stepOnes = new List<OutboundMessage>();
        foreach (var externalId in carts)
            stepOnes.Add((await messages.ListForCartAsync((await _drive.CartAsync(store, externalId))!.Id, _drive.Ct)).Single(m => m.Step == 1));
        Assert.Equal(options.PoisonAfterUnfinishedAttempts, deaths);
        Assert.Equal([MessageStatus.Sent, MessageStatus.Sent, MessageStatus.Quarantined, MessageStatus.Sent, MessageStatus.Sent, MessageStatus.Sent],
            stepOnes.Select(m => m.Status));
        Assert.Equal(5, _app.PickedUpEmails().Length);
    }

    /// <summary>What a process that dies leaves behind: nothing after it runs, nothing records an outcome.</summary>
    private sealed class ProcessDied() : OperationCanceledException("the process died rendering this email");

    /// <summary>The app's composer, except that rendering the killer's email kills the process (a poisonous template would).</summary>
    private sealed class KillingComposer(IEmailComposer inner) : IEmailComposer
    {
        public Task<EmailContent> ComposeAsync(EmailModel model, CancellationToken ct) =>
            model.Cart.ExternalId == Killer ? throw new ProcessDied() : inner.ComposeAsync(model, ct);
    }
}
