using System.Diagnostics;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Email;
using CartRecovery.Core.Messages;
using CartRecovery.Core.Stores;
using CartRecovery.Core.Suppression;
using CartRecovery.Core.Telemetry;

namespace CartRecovery.Core.Recovery;

// The emails of a claimed batch go out together: one call to a transport that takes batches (Postmark: up to 500 per
// request), and their sends are recorded side by side so that they share commits (one fsync for the batch, not two
// per email). What a provider accepted is recorded even if the job is being stopped meanwhile.
public sealed partial class MessageDispatcher
{
    /// <summary>
    /// One claimed batch: its carts, their first email steps and which of its addresses are suppressed (read together when
    /// it was claimed), its stores (each read once), what the sending rules know of it, and its emails, checked and
    /// rendered, waiting to be handed over together.
    /// </summary>
    private sealed class EmailBatch(IEnumerable<Cart> carts, IReadOnlyDictionary<long, int> firstEmailSteps, IReadOnlyList<(long StoreId, string Email)> addresses)
    {
        /// <summary>Each store's addresses of the batch's emails, trimmed and lower-case.</summary>
        public IReadOnlyList<(long StoreId, string Email)> Addresses { get; } = addresses;

        /// <summary>Whether each of <see cref="Addresses"/> is suppressed for its store (opt-outs recorded meanwhile set it).</summary>
        public Dictionary<(long StoreId, string Email), bool> Suppressed { get; } = [];

        public Dictionary<long, Cart> Carts { get; } = carts.ToDictionary(c => c.Id);

        /// <summary>Each cart's first email step: only that email asks why the customer left.</summary>
        public IReadOnlyDictionary<long, int> FirstEmailSteps { get; } = firstEmailSteps;

        public Dictionary<long, Store?> Stores { get; } = [];

        public SendingBatch Rules { get; } = new(addresses.Select(a => a.Email));

        public List<ReadyEmail> Emails { get; } = [];
    }

    private sealed record ReadyEmail(OutboundMessage Message, string Recipient, EmailMessage Email)
    {
        /// <summary>The message's <c>message.send</c> activity, ended once its outcome is recorded.</summary>
        public Activity? Activity { get; set; }
    }

    private async Task<IReadOnlyList<Outcome>> SendAsync(EmailBatch batch, CancellationToken ct)
    {
        if (batch.Emails.Count == 0)
            return [];
        var outcomes = new List<Outcome>(batch.Emails.Count);
        // A batch that took longer than its lease (a stalled node) must not start sends another dispatcher may have claimed.
        var going = new List<ReadyEmail>(batch.Emails.Count);
        foreach (var ready in batch.Emails)
        {
            if (LeaseRunningOut(ready.Message))
            {
                Finish(ready.Activity, Outcome.Retrying);
                outcomes.Add(Outcome.Retrying);
            }
            else
            {
                going.Add(ready);
            }
        }

        var results = await HandOverAsync(going, ct);
        var sentAt = time.GetUtcNow();
        var accepted = going.Zip(results).Where(r => r.Second.Succeeded).ToList();
        // Side by side: the writes share the group commit's transactions. Not cancelled: the provider has them.
        outcomes.AddRange(await Task.WhenAll(accepted.Select(r => RecordSentAsync(r.First, r.Second.ProviderMessageId, sentAt))));
        // Refusals are rare and may pause a store: one at a time.
        var paused = new HashSet<long>();
        foreach (var (ready, result) in going.Zip(results).Where(r => !r.Second.Succeeded))
            outcomes.Add(await RecordRefusalAsync(ready, result.Error!, paused, ct));
        return outcomes;
    }

    /// <summary>One outcome per email, in order: through one call when the transport takes batches, else one call each.</summary>
    private async Task<IReadOnlyList<EmailSendOutcome>> HandOverAsync(List<ReadyEmail> going, CancellationToken ct)
    {
        if (going.Count == 0)
            return [];
        if (transport is IBatchEmailTransport batches)
        {
            try
            {
                return await batches.SendBatchAsync([.. going.Select(r => r.Email)], ct);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // Whatever the provider got, the next attempt asks it before sending again (ISentEmailLookup).
                return [.. going.Select(r => new EmailSendOutcome(r.Email.MessageId, null, new EmailSendException(error.Message, isTransient: true, inner: error)))];
            }
        }
        var results = new List<EmailSendOutcome>(going.Count);
        foreach (var ready in going)
        {
            // Stopping between two sends: the ones sent are recorded, the rest stay claimed until their lease runs out.
            if (ct.IsCancellationRequested)
            {
                results.Add(new(ready.Email.MessageId, null, new EmailSendException("The dispatcher was stopped before this email was sent.", isTransient: true)));
                continue;
            }
            try
            {
                results.Add(new(ready.Email.MessageId, await transport.SendAsync(ready.Email, ct), null));
            }
            catch (EmailSendException error)
            {
                results.Add(new(ready.Email.MessageId, null, error));
            }
            catch (Exception error)
            {
                // A bug or a misconfiguration (InvalidOperationException) will not mend itself; anything else may.
                results.Add(new(ready.Email.MessageId, null, new EmailSendException(error.Message, isTransient: error is not InvalidOperationException, inner: error)));
            }
        }
        return results;
    }

    private async Task<Outcome> RecordSentAsync(ReadyEmail ready, string? providerId, DateTimeOffset sentAt)
    {
        var message = ready.Message;
        using var scope = BeginScope(message);
        DispatchMetrics.MessageSent(DispatchMetrics.ChannelOf(message.Kind), DispatchMetrics.TransportName(transport), sentAt - message.DueAt);
        if (!await messages.MarkSentAsync(message.Id, ClaimerId, ready.Recipient, providerId, sentAt, CancellationToken.None))
        {
            Log.ClaimLost(logger, message.Id, message.CartId);
        }
        else
        {
            await carts.AddEventAsync(new(message.CartId, sentAt, CartEventKinds.MessageSent,
                TimelineEntry.Of(TimelineCodes.StepSent, TimelineArg.Of(message.Step)), message.Id), CancellationToken.None);
            Log.StepSent(logger, message.Step, message.CartId, message.StoreId);
        }
        Finish(ready.Activity, Outcome.Sent);
        return Outcome.Sent;
    }

    /// <summary>
    /// A refused email: rejected credentials pause the store (nobody can send for it until a person fixes them) and keep
    /// the message; a suppressed recipient is opted out and the message cancelled; anything else fails, for a retry
    /// when the error is transient.
    /// </summary>
    private async Task<Outcome> RecordRefusalAsync(ReadyEmail ready, EmailSendException error, HashSet<long> paused, CancellationToken ct)
    {
        var message = ready.Message;
        using var scope = BeginScope(message);
        Outcome outcome;
        if (error.CredentialsRejected)
        {
            if (paused.Add(message.StoreId) && await stores.GetAsync(message.StoreId, ct) is { } store)
            {
                await stores.UpsertAsync(store with { SendingPausedReason = error.Message }, ct);
                Log.SendingPaused(logger, message.StoreId, error.Message);
            }
            outcome = await ReleaseAsync(message, ct);
        }
        else if (error.RecipientSuppressed)
        {
            await optOut.RecordAsync(new(message.StoreId, ready.Recipient, OptOutReasons.ProviderInactive, message.CartId), ct);
            outcome = await CancelAsync(message, TimelineEntry.Of(TimelineCodes.Text, TimelineArg.Of(error.Message)), ct);
        }
        else
        {
            outcome = await FailAsync(message, error.Message, !error.IsTransient, ct);
        }
        Finish(ready.Activity, outcome);
        return outcome;
    }
}
