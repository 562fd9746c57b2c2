using CartRecovery.Core.Accounts;
using CartRecovery.Core.Carts;
using CartRecovery.Core.CrossSell;
using CartRecovery.Core.Email;
using CartRecovery.Core.Messages;
using CartRecovery.Core.Sequences;
using CartRecovery.Core.Sms;
using CartRecovery.Core.Storefronts;
using CartRecovery.Core.Stores;
using CartRecovery.Core.Suppression;
using CartRecovery.Core.Tasks;
using CartRecovery.Core.Telemetry;
using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace CartRecovery.Core.Recovery;

/// <summary>
/// Claims due messages, checks each is still wanted, and sends it (or creates its follow-up task). A claim is a
/// lease: if this process dies between claim and send, the message is claimed again once the lease runs out; after
/// <see cref="RecoveryOptions.PoisonAfterUnfinishedAttempts"/> such attempts in a row it is quarantined instead.
/// </summary>
public sealed partial class MessageDispatcher(
    IMessageRepository messages,
    ICartRepository carts,
    IStoreRepository stores,
    ISuppressionList suppressions,
    OptOut optOut,
    IFollowUpTaskRepository tasks,
    StorefrontRegistry storefronts,
    IEmailComposer composer,
    IEmailTransport transport,
    SmsSending sms,
    LinkBuilder links,
    SendingRules rules,
    RelatedProducts related,
    RecoveryOptions options,
    TimeProvider time,
    ILogger<MessageDispatcher> logger)
{
    /// <summary>Identifies this process in claims.</summary>
    public string ClaimerId { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    public async Task<DispatchSummary> RunOnceAsync(CancellationToken ct)
    {
        var tally = new Tally();
        // Claims whose dispatcher died or hung before any outcome come first, each claimed and sent alone: one of them
        // may be what killed it, and a message that kills this process too then counts an unfinished attempt of its own
        // only, not its whole batch's (a batch claimed together is quarantined together after a few deaths).
        var resumed = 0;
        while (resumed < options.DispatchBatchSize
               && await messages.ClaimExpiredAsync(ClaimerId, time.GetUtcNow(), options.ClaimLease, 1, ct) is [var suspect])
        {
            resumed++;
            await DispatchBatchAsync([suspect], tally, ct);
        }
        var claimed = await messages.ClaimDueAsync(ClaimerId, time.GetUtcNow(), options.ClaimLease, options.DispatchBatchSize, ct);
        await DispatchBatchAsync(claimed, tally, ct);
        return new(resumed + claimed.Count, tally.Sent, tally.Cancelled, tally.Retrying, tally.Failed,
            claimed.Count >= options.DispatchBatchSize || resumed >= options.DispatchBatchSize);
    }

    private async Task DispatchBatchAsync(IReadOnlyList<OutboundMessage> claimed, Tally tally, CancellationToken ct)
    {
        var batch = await ReadBatchAsync(claimed, ct);
        foreach (var message in claimed)
            tally.Add(await DispatchAsync(message, batch, ct));
        foreach (var outcome in await SendAsync(batch, ct))
            tally.Add(outcome);
    }

    private async Task<EmailBatch> ReadBatchAsync(IReadOnlyList<OutboundMessage> claimed, CancellationToken ct)
    {
        if (claimed.Count == 0)
            return new EmailBatch([], new Dictionary<long, int>(), []);
        long[] cartIds = [.. claimed.Select(m => m.CartId).Distinct()];
        long[] emailCartIds = [.. claimed.Where(m => m.Kind == StepKind.Email).Select(m => m.CartId).Distinct()];
        var batchCarts = await carts.GetManyAsync(cartIds, ct);
        var batch = new EmailBatch(batchCarts, await messages.FirstEmailStepsAsync(emailCartIds, ct), EmailAddresses(claimed, batchCarts));
        await ReadSuppressionsAsync(batch, ct);
        return batch;
    }

    /// <summary>Each store's addresses of the batch's emails: (store, trimmed lower-case address), each once.</summary>
    private static List<(long StoreId, string Email)> EmailAddresses(IReadOnlyList<OutboundMessage> claimed, IEnumerable<Cart> batchCarts)
    {
        var emails = batchCarts.Where(c => !string.IsNullOrWhiteSpace(c.Contact.Email)).ToDictionary(c => c.Id, c => PersonEmail.Normalize(c.Contact.Email!));
        return [.. claimed.Where(m => m.Kind == StepKind.Email && emails.ContainsKey(m.CartId)).Select(m => (m.StoreId, emails[m.CartId])).Distinct()];
    }

    /// <summary>Which of the batch's addresses their stores must not email: one read per store of the batch.</summary>
    private async Task ReadSuppressionsAsync(EmailBatch batch, CancellationToken ct)
    {
        foreach (var store in batch.Addresses.GroupBy(a => a.StoreId))
        {
            string[] emails = [.. store.Select(a => a.Email)];
            var suppressed = await suppressions.SuppressedAmongAsync(store.Key, emails, ct);
            foreach (var email in emails)
                batch.Suppressed[(store.Key, email)] = suppressed.Contains(email);
        }
    }

    private enum Outcome { Sent, Cancelled, Retrying, Failed, Queued }

    private sealed class Tally
    {
        public int Sent { get; private set; }
        public int Cancelled { get; private set; }
        public int Retrying { get; private set; }
        public int Failed { get; private set; }

        public void Add(Outcome outcome)
        {
            switch (outcome)
            {
                case Outcome.Sent: Sent++; break;
                case Outcome.Cancelled: Cancelled++; break;
                case Outcome.Retrying: Retrying++; break;
                case Outcome.Failed: Failed++; break;
                default: break; // queued: counted once the batch is sent
            }
        }
    }

    /// <summary>One message's dispatch, tagged so that it joins its cart's other activities (see the README's Observability).</summary>
    private static Activity? StartActivity(OutboundMessage message) =>
        CartRecoveryTelemetry.Start("message.send", message.StoreId, message.CartId)
            ?.SetTag(CartRecoveryTelemetry.Tags.MessageId, message.Id).SetTag(CartRecoveryTelemetry.Tags.Step, message.Step)
            .SetTag(CartRecoveryTelemetry.Tags.Channel, DispatchMetrics.ChannelOf(message.Kind));

    private IDisposable? BeginScope(OutboundMessage message) => logger.BeginScope(new Dictionary<string, object?>
    {
        ["StoreId"] = message.StoreId, ["CartId"] = message.CartId, ["MessageId"] = message.Id,
    });

    /// <summary>
    /// Checks one message and acts on it: an email that may go out is rendered and queued in <paramref name="batch"/>
    /// (its activity stays open until the batch is sent); anything else is settled here.
    /// </summary>
    private async Task<Outcome> DispatchAsync(OutboundMessage message, EmailBatch batch, CancellationToken ct)
    {
        var activity = StartActivity(message);
        using var scope = BeginScope(message);
        var outcome = await CheckAsync(message, batch, ct);
        if (outcome == Outcome.Queued)
            batch.Emails[^1].Activity = activity;
        else
            Finish(activity, outcome);
        return outcome;
    }

    private static void Finish(Activity? activity, Outcome outcome)
    {
        activity?.SetTag(CartRecoveryTelemetry.Tags.Outcome, outcome.ToString());
        activity?.Dispose();
    }

    /// <summary>How long messages of a store whose sending is paused wait before they are looked at again.</summary>
    public static readonly TimeSpan PausedRecheck = TimeSpan.FromMinutes(5);

    private async Task<Outcome> CheckAsync(OutboundMessage message, EmailBatch batch, CancellationToken ct)
    {
        // Before anything that could be what killed the earlier attempts (a template, a payload, a platform call).
        if (message.UnfinishedAttempts > options.PoisonAfterUnfinishedAttempts)
            return await QuarantineAsync(message, ct);
        try
        {
            // Read when the batch was claimed; a cart an earlier message of the batch changed is read again.
            var cart = batch.Carts.TryGetValue(message.CartId, out var claimedCart) ? claimedCart : await carts.GetAsync(message.CartId, ct);
            batch.Carts.Remove(message.CartId);
            if (!batch.Stores.TryGetValue(message.StoreId, out var store))
                batch.Stores[message.StoreId] = store = await stores.GetAsync(message.StoreId, ct);
            if (cart is null || store is null)
                return await CancelAsync(message, TimelineEntry.Of(TimelineCodes.CartGone), ct);
            // First, before any rule that could cancel or defer it: an email the provider already accepted was sent,
            // whatever happened to the cart, the store or the policy since.
            if (message.Kind == StepKind.Email && await RecordEarlierSendAsync(message, cart, store, batch.Rules, ct))
                return Outcome.Sent;
            if (message.Kind == StepKind.Sms && await RecordEarlierTextAsync(message, cart, ct))
                return Outcome.Sent;
            if (!cart.Status.AcceptsMessages())
                return await CancelAsync(message, TimelineEntry.Of(TimelineCodes.CartClosed, TimelineArg.Of(TimelineCodes.Status(cart.Status))), ct);
            // A held-out cart is enrolled with no plan; should a message of it ever be claimed, it still goes nowhere.
            if (cart.InControlGroup)
                return await CancelAsync(message, TimelineEntry.Of(TimelineCodes.InControlGroup), ct);

            if (message.Kind == StepKind.FollowUpTask)
                return await CreateTaskAsync(message, cart, ct);
            if (store.SendingPausedReason is not null)
                return await ReleaseAsync(message, ct);
            if (message.Kind == StepKind.Sms)
                return await SendTextAsync(message, cart, store, ct);
            if (await ApplySendingRulesAsync(message, cart, store, batch.Rules, ct) is { } held)
                return held;
            return await PrepareEmailAsync(message, cart, store, batch, ct);
        }
        catch (EmailSendException error) when (error.CredentialsRejected)
        {
            // Nobody can send for this store until a person fixes the credentials: pause it and keep the message.
            if (await stores.GetAsync(message.StoreId, ct) is { } store)
                await stores.UpsertAsync(store with { SendingPausedReason = error.Message }, ct);
            Log.SendingPaused(logger, message.StoreId, error.Message);
            return await ReleaseAsync(message, ct);
        }
        catch (EmailSendException error) when (error.RecipientSuppressed)
        {
            var cart = await carts.GetAsync(message.CartId, ct);
            if (cart?.Contact.Email is { } email)
            {
                await optOut.RecordAsync(new(cart.StoreId, email, OptOutReasons.ProviderInactive, cart.Id), ct);
                batch.Suppressed[(cart.StoreId, PersonEmail.Normalize(email))] = true;
            }
            return await CancelAsync(message, TimelineEntry.Of(TimelineCodes.Text, TimelineArg.Of(error.Message)), ct);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            var permanent = error is EmailSendException { IsTransient: false } or SmsSendException { IsTransient: false } or InvalidOperationException;
            return await FailAsync(message, error.Message, permanent, ct);
        }
    }

    /// <summary>
    /// The store's sending policy (consent, quiet hours, frequency cap): null when the email may go out, else what
    /// became of it. Waiting for quiet hours to end uses no attempt.
    /// </summary>
    private async Task<Outcome?> ApplySendingRulesAsync(OutboundMessage message, Cart cart, Store store, SendingBatch batch, CancellationToken ct)
    {
        var decision = await rules.CheckEmailAsync(cart, store, batch, ct);
        if (decision.CancelReason is { } reason)
            return await CancelAsync(message, reason, ct);
        return decision.WaitUntil is { } until ? await DeferAsync(message, until, decision.Reason!, ct) : null;
    }

    private async Task<Outcome> DeferAsync(OutboundMessage message, DateTimeOffset until, TimelineEntry reason, CancellationToken ct)
    {
        if (await messages.ReleaseAsync(message.Id, ClaimerId, until, ct))
            await carts.AddEventAsync(new(message.CartId, time.GetUtcNow(), CartEventKinds.MessageDeferred, TimelineEntry.Of(TimelineCodes.StepDeferred,
                TimelineArg.Of(message.Step), TimelineArg.Instant(until), TimelineArg.Of(reason)), message.Id), ct);
        return Outcome.Retrying;
    }

    /// <summary>
    /// A text step: skipped with its reason on the timeline when the store, the number, the consent or a STOP rules it
    /// out; deferred to the next opening outside the sending hours; else sent, recorded with the E.164 number.
    /// </summary>
    private async Task<Outcome> SendTextAsync(OutboundMessage message, Cart cart, Store store, CancellationToken ct)
    {
        var plan = await sms.PrepareAsync(message, cart, store, ct);
        if (plan.SkipReason is { } skip)
            return await CancelAsync(message, TimelineEntry.Of(TimelineCodes.TextSkipped, TimelineArg.Of(skip)), ct);
        if (plan.WaitUntil is { } until)
            return await DeferAsync(message, until, plan.WaitReason!, ct);
        if (await CheckStorefrontAsync(message, cart, store, ct) is { } closed)
            return closed;
        var text = plan.Text!;
        if (LeaseRunningOut(message))
            return Outcome.Retrying;
        SmsReceipt receipt;
        try
        {
            receipt = await sms.SendAsync(text, ct);
        }
        catch (SmsSendException error) when (error.RecipientOptedOut || error.NumberUnusable)
        {
            if (error.RecipientOptedOut)
                await sms.ProviderReportedOptOutAsync(store.Id, text.To, ct);
            return await CancelAsync(message, TimelineEntry.Of(TimelineCodes.TextRefused, TimelineArg.Of(error.Message)), ct);
        }
        return await RecordTextSentAsync(message, text.To, receipt, earlier: false, ct);
    }

    /// <summary>As <see cref="RecordEarlierSendAsync"/> for texts: the provider is asked for an earlier attempt by our message's short link.</summary>
    private async Task<bool> RecordEarlierTextAsync(OutboundMessage message, Cart cart, CancellationToken ct)
    {
        if (message.Attempts <= 1 || await sms.FindEarlierSendAsync(message, cart, ct) is not (string e164, SmsReceipt receipt))
            return false;
        await RecordTextSentAsync(message, e164, receipt, earlier: true, ct);
        Log.EarlierSendFound(logger, message.Id, cart.Id, message.Attempts);
        return true;
    }

    private async Task<Outcome> RecordTextSentAsync(OutboundMessage message, string e164, SmsReceipt receipt, bool earlier, CancellationToken ct)
    {
        var sentAt = time.GetUtcNow();
        if (!await messages.MarkSentAsync(message.Id, ClaimerId, e164, receipt.ProviderMessageId, sentAt, ct))
        {
            Log.ClaimLost(logger, message.Id, message.CartId);
            return Outcome.Sent;
        }
        var entry = TimelineEntry.Of(earlier ? TimelineCodes.TextSentEarlier : TimelineCodes.TextSent,
            TimelineArg.Of(message.Step), TimelineArg.Of(receipt.Parts ?? 1));
        await carts.AddEventAsync(new(message.CartId, sentAt, CartEventKinds.MessageSent, entry, message.Id), ct);
        Log.StepSent(logger, message.Step, message.CartId, message.StoreId);
        return Outcome.Sent;
    }

    /// <summary>Checks what only an email needs (an address, no suppression, the platform's word), renders it and queues it.</summary>
    private async Task<Outcome> PrepareEmailAsync(OutboundMessage message, Cart cart, Store store, EmailBatch batch, CancellationToken ct)
    {
        var email = cart.Contact.Email;
        if (string.IsNullOrWhiteSpace(email))
            return await CancelAsync(message, TimelineEntry.Of(TimelineCodes.NoEmail), ct);
        if (await IsSuppressedAsync(store.Id, email, batch, ct))
        {
            await optOut.RecordAsync(new(store.Id, email, OptOutReasons.Suppressed, cart.Id), ct);
            return await CancelAsync(message, TimelineEntry.Of(TimelineCodes.Suppressed), ct);
        }
        if (await CheckStorefrontAsync(message, cart, store, ct) is { } closed)
            return closed;
        var storefront = storefronts.For(store.Platform);
        (message, var offer) = await EnsureOfferAsync(message, cart, store, storefront, ct);
        var now = time.GetUtcNow();
        var model = new EmailModel(store, cart, message, links.Restore(message.Id, now), links.Unsubscribe(message.Id, now), offer)
        {
            // Whatever the platform answers within what is left of the wait; a late send asks nothing.
            RelatedProducts = await related.ForCartAsync(store, cart, options.RelatedProducts, message.DueAt + options.RelatedProductsWait - now, ct),
            ReasonUrl = batch.FirstEmailSteps.GetValueOrDefault(message.CartId, -1) == message.Step ? links.Reason(message.Id, now) : null,
        };
        var content = await composer.ComposeAsync(model, ct);
        batch.Emails.Add(new ReadyEmail(message, email, RecoveryEmail.Create(model, content, options.PublicBaseUrl.Host)));
        batch.Rules.Add(store.Id, email);
        return Outcome.Queued;
    }

    /// <summary>As read for the batch when it was claimed, with its opt-outs since; an address it did not know of (its cart changed) is read alone.</summary>
    private async Task<bool> IsSuppressedAsync(long storeId, string email, EmailBatch batch, CancellationToken ct) =>
        batch.Suppressed.TryGetValue((storeId, PersonEmail.Normalize(email)), out var suppressed)
            ? suppressed
            : await suppressions.IsSuppressedAsync(storeId, email, ct);

    /// <summary>The platform's word on the cart just before a send: null when it is still open, else what became of the message.</summary>
    private async Task<Outcome?> CheckStorefrontAsync(OutboundMessage message, Cart cart, Store store, CancellationToken ct)
    {
        switch (await storefronts.For(store.Platform).CheckCartAsync(store, cart, ct))
        {
            case StorefrontCartState.Ordered:
                return await CancelAsync(message, TimelineEntry.Of(TimelineCodes.PlatformOrdered), ct);
            case StorefrontCartState.Gone:
                var gone = TimelineEntry.Of(TimelineCodes.PlatformGone);
                await carts.CloseAsync(cart.Id, CartStatus.Expired, gone, time.GetUtcNow(), ct);
                return await CancelAsync(message, gone, ct);
            default:
                return null;
        }
    }

    /// <summary>
    /// Exactly once across a crash: a message on its second or later attempt may already have been accepted by the
    /// provider (its dispatcher died, or timed out waiting for the answer, before recording the send). When the
    /// transport can tell (<see cref="ISentEmailLookup"/>), ask it first and record that send instead of sending again.
    /// </summary>
    private async Task<bool> RecordEarlierSendAsync(OutboundMessage message, Cart cart, Store store, SendingBatch rules, CancellationToken ct)
    {
        if (message.Attempts <= 1 || transport is not ISentEmailLookup lookup)
            return false;
        if (await lookup.FindSentAsync(message.Id, store.MessageStream, ct) is not { } providerId)
            return false;
        var sentAt = time.GetUtcNow();
        if (await messages.MarkSentAsync(message.Id, ClaimerId, cart.Contact.Email, providerId, sentAt, ct))
        {
            await carts.AddEventAsync(new(cart.Id, sentAt, CartEventKinds.MessageSent, TimelineEntry.Of(TimelineCodes.StepSentEarlier, TimelineArg.Of(message.Step)), message.Id), ct);
            if (cart.Contact.Email is { } email)
                rules.AddRecorded(store.Id, email);
        }
        Log.EarlierSendFound(logger, message.Id, cart.Id, message.Attempts);
        return true;
    }

    /// <summary>
    /// A batch that took longer than its lease (a stalled node) must not start sends another dispatcher may already have
    /// claimed: in the lease's last tenth this one leaves the message to whoever claims it next (itself, maybe).
    /// </summary>
    private bool LeaseRunningOut(OutboundMessage message) =>
        message.LeaseUntil is { } until && time.GetUtcNow() >= until - options.ClaimLease / 10;

    /// <summary>The message with the offer it carries for this customer (the store's rules may replace the step's), and its code.</summary>
    private async Task<(OutboundMessage Message, IssuedOffer? Offer)> EnsureOfferAsync(OutboundMessage message, Cart cart, Store store,
        IStorefront storefront, CancellationToken ct)
    {
        if (message.Offer is not { } spec)
            return (message, null);
        if (message.OfferCode is { } code && message.OfferExpiresAt is { } expires)
            return (message, new(code, spec.Describe(cart.Currency), expires));
        // The store's offer rule (reward loyalty, not abandonment) chooses the offer: the step's, a returning customer's,
        // or none; then the platform's limits apply to the one chosen.
        var choice = await rules.ChooseOfferAsync(spec, cart, store, ct);
        var offer = choice.Offer ?? spec;
        if ((choice.WhyNot ?? OfferRules.WhyNotIssued(offer, cart, store)) is { } reason)
        {
            await carts.AddEventAsync(new(cart.Id, time.GetUtcNow(), CartEventKinds.OfferWithheld,
                TimelineEntry.Of(TimelineCodes.OfferWithheld, TimelineArg.Of(message.Step), TimelineArg.Of(reason)), message.Id), ct);
            return (message, null);
        }

        var issued = await storefront.IssueOfferAsync(store, cart, offer, time.GetUtcNow() + offer.ValidFor, ct);
        await messages.SetOfferCodeAsync(message.Id, ClaimerId, offer, issued.Code, issued.ExpiresAt, ct);
        return (message with { Offer = offer, OfferCode = issued.Code, OfferExpiresAt = issued.ExpiresAt }, issued);
    }

    private async Task<Outcome> CreateTaskAsync(OutboundMessage message, Cart cart, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var who = cart.Contact.Email ?? cart.Contact.Phone ?? "an unnamed customer";
        var summary = $"Follow up with {who} about a cart of {Money.Format(cart.TotalMinor, cart.Currency)} ({cart.Lines.Count} lines)";
        await tasks.CreateAsync(new FollowUpTask { StoreId = cart.StoreId, CartId = cart.Id, MessageId = message.Id, Summary = summary, CreatedAt = now }, ct);
        DispatchMetrics.MessageSent(DispatchMetrics.ChannelOf(message.Kind), DispatchMetrics.TaskTransport, now - message.DueAt);
        if (await messages.MarkSentAsync(message.Id, ClaimerId, null, null, now, ct))
            await carts.AddEventAsync(new(cart.Id, now, CartEventKinds.TaskCreated, TimelineEntry.Of(TimelineCodes.TaskCreated, TimelineArg.Of(message.Step)), message.Id), ct);
        return Outcome.Sent;
    }

    private async Task<Outcome> ReleaseAsync(OutboundMessage message, CancellationToken ct)
    {
        await messages.ReleaseAsync(message.Id, ClaimerId, time.GetUtcNow() + PausedRecheck, ct);
        return Outcome.Retrying;
    }

    private async Task<Outcome> CancelAsync(OutboundMessage message, TimelineEntry reason, CancellationToken ct)
    {
        if (await messages.MarkCancelledAsync(message.Id, ClaimerId, TimelineTexts.English(reason), ct))
            await carts.AddEventAsync(new(message.CartId, time.GetUtcNow(), CartEventKinds.MessageCancelled,
                TimelineEntry.Of(TimelineCodes.StepCancelled, TimelineArg.Of(message.Step), TimelineArg.Of(reason)), message.Id), ct);
        return Outcome.Cancelled;
    }

    private async Task<Outcome> QuarantineAsync(OutboundMessage message, CancellationToken ct)
    {
        var unfinished = message.UnfinishedAttempts - 1;
        var reason = TimelineEntry.Of(TimelineCodes.Quarantined, TimelineArg.Of(unfinished));
        if (await messages.QuarantineAsync(message.Id, ClaimerId, TimelineTexts.English(reason), ct))
        {
            await carts.AddEventAsync(new(message.CartId, time.GetUtcNow(), CartEventKinds.MessageQuarantined,
                TimelineEntry.Of(TimelineCodes.StepQuarantined, TimelineArg.Of(message.Step), TimelineArg.Of(reason)), message.Id), ct);
            Log.MessageQuarantined(logger, message.Id, message.CartId, message.StoreId, message.Step, unfinished);
        }
        return Outcome.Failed;
    }

    private async Task<Outcome> FailAsync(OutboundMessage message, string error, bool permanent, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var giveUp = permanent || message.Attempts >= options.MaxAttempts;
        DateTimeOffset? retryAt = giveUp ? null : now + options.RetryBackoff * Math.Pow(2, Math.Max(0, message.Attempts - 1));
        await messages.MarkFailedAsync(message.Id, ClaimerId, error, retryAt, ct);
        var detail = retryAt is { } at
            ? TimelineEntry.Of(TimelineCodes.StepFailedRetrying, TimelineArg.Of(message.Step), TimelineArg.Instant(at), TimelineArg.Of(error))
            : TimelineEntry.Of(TimelineCodes.StepFailed, TimelineArg.Of(message.Step), TimelineArg.Of(error));
        await carts.AddEventAsync(new(message.CartId, now, CartEventKinds.MessageFailed, detail, message.Id), ct);
        Log.StepFailed(logger, message.Step, message.CartId, message.Attempts, giveUp, error);
        DispatchMetrics.MessageFailed(DispatchMetrics.ChannelOf(message.Kind), DispatchMetrics.TransportName(transport), giveUp);
        return giveUp ? Outcome.Failed : Outcome.Retrying;
    }

    private static partial class Log
    {
        [LoggerMessage(1301, LogLevel.Information, "Sent step {Step} for cart {CartId} of store {StoreId}")]
        public static partial void StepSent(ILogger logger, int step, long cartId, long storeId);

        [LoggerMessage(1302, LogLevel.Warning, "Step {Step} for cart {CartId} failed on attempt {Attempt} (final: {Final}): {Error}")]
        public static partial void StepFailed(ILogger logger, int step, long cartId, int attempt, bool final, string error);

        [LoggerMessage(1305, LogLevel.Error, "Message {MessageId} (step {Step}) of cart {CartId} of store {StoreId} is quarantined: {Unfinished} attempts in a row ended without any result; the cart's other steps go on")]
        public static partial void MessageQuarantined(ILogger logger, long messageId, long cartId, long storeId, int step, int unfinished);

        [LoggerMessage(1304, LogLevel.Error, "Sending paused for store {StoreId}: {Reason}")]
        public static partial void SendingPaused(ILogger logger, long storeId, string reason);

        [LoggerMessage(1303, LogLevel.Warning, "Message {MessageId} of cart {CartId} was sent after its claim had been taken over")]
        public static partial void ClaimLost(ILogger logger, long messageId, long cartId);

        [LoggerMessage(1391, LogLevel.Information, "Message {MessageId} of cart {CartId} was already accepted by the provider before attempt {Attempt}: recorded, not sent again")]
        public static partial void EarlierSendFound(ILogger logger, long messageId, long cartId, int attempt);
    }
}
