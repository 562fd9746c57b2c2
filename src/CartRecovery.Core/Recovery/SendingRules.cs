using CartRecovery.Core.Billing;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Messages;
using CartRecovery.Core.Sequences;
using CartRecovery.Core.Stores;

namespace CartRecovery.Core.Recovery;

/// <summary>
/// The store's <see cref="SendingPolicy"/> applied to one cart: whether it may enter a sequence (age, contents, consent)
/// and whether a due email may go out now (consent, quiet hours, the store's plan, frequency cap). Follow-up tasks are not emails and
/// are not asked about. Unsubscribes and suppressions are checked by the dispatcher in every case.
/// </summary>
public sealed class SendingRules(IStorePolicyRepository policies, IMessageRepository messages, PlanGate plans, RecoveryOptions options, TimeProvider time,
    ICustomerHistory history)
{
    public static readonly TimelineEntry EmptyCart = TimelineEntry.Of(TimelineCodes.EmptyCart);
    public static readonly TimelineEntry NoConsent = TimelineEntry.Of(TimelineCodes.NoConsent);

    /// <summary>Why an idle cart may not enter the store's sequence (it is then expired), or null when it may.</summary>
    public async Task<TimelineEntry?> RefuseEnrolmentAsync(Cart cart, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(cart);
        var policy = await policies.GetAsync(cart.StoreId, ct);
        if (now - cart.PlatformUpdatedAt > (policy.MaxCartAge ?? options.MaxCartAge))
            return TimelineEntry.Of(TimelineCodes.TooOld);
        if (cart.Lines.Count == 0)
            return EmptyCart;
        return policy.Allows(cart.Contact) ? null : NoConsent;
    }

    /// <summary>Whether the due email of <paramref name="cart"/> may go out now.</summary>
    public async Task<SendingDecision> CheckEmailAsync(Cart cart, Store store, SendingBatch batch, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(cart);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(batch);
        if (cart.Lines.Count == 0)
            return SendingDecision.Cancel(EmptyCart);

        // The policy may have changed since the cart enrolled: consent is checked again at each send.
        if (!batch.Policies.TryGetValue(store.Id, out var policy))
            batch.Policies[store.Id] = policy = await policies.GetAsync(store.Id, ct);
        if (!policy.Allows(cart.Contact))
            return SendingDecision.Cancel(NoConsent);

        var now = time.GetUtcNow();
        if (policy.QuietHours is { } quiet && quiet.NextAllowed(now, store.ResolveTimeZone()) is var opens && opens > now)
            return SendingDecision.Wait(opens, TimelineEntry.Of(TimelineCodes.QuietHours,
                TimelineArg.Of(Clock(quiet.Start)), TimelineArg.Of(Clock(quiet.End)), TimelineArg.Of(store.TimeZone)));

        // Over its plan the store keeps its carts and messages: they wait for the next period (or a bigger plan).
        if (await plans.CheckAsync(store, batch.OfStore(store.Id), ct) is { Reason: { } paused, RecheckAt: { } recheck })
            return SendingDecision.Wait(recheck, paused);

        // Cancelled rather than delayed: a reminder days late reads as spam, and the cart's later steps are still
        // checked on their own when they fall due. Emails are counted once sent; two nodes sending to one address in
        // the same instant can both pass, which the cap tolerates (it bounds a week, not a second).
        if (!policy.FrequencyCap.IsOff && cart.Contact.Email is { } email)
        {
            var cap = policy.FrequencyCap;
            if (!batch.CapGroups.TryGetValue(store.Id, out var group))
                batch.CapGroups[store.Id] = group = await policies.CapGroupAsync(store.Id, ct);
            var sent = await RecordedSendsAsync(batch, store.Id, group, cap.Window, email, now, ct) + batch.ToAddress(group, email);
            if (sent >= cap.MaxEmails)
                return SendingDecision.Cancel(TimelineEntry.Of(TimelineCodes.FrequencyCap, TimelineArg.Of(sent), TimelineArg.Of(Describe(cap.Window))));
        }
        return SendingDecision.Send;
    }

    /// <summary>
    /// The offer a due step carries for this customer under the store's <see cref="SendingPolicy.Offers"/>, counted
    /// across the stores that share its account (as the frequency cap is): the step's offer, or none with the reason.
    /// </summary>
    public async Task<OfferChoice> ChooseOfferAsync(OfferSpec stepOffer, Cart cart, Store store, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(stepOffer);
        ArgumentNullException.ThrowIfNull(cart);
        ArgumentNullException.ThrowIfNull(store);
        var policy = (await policies.GetAsync(store.Id, ct)).Offers;
        if (policy.CooldownDays == 0 && policy.FarmingAbandons == 0 && policy.ReturningCustomerOffer is null)
            return new(stepOffer, null);
        var now = time.GetUtcNow();
        var group = await policies.CapGroupAsync(store.Id, ct);
        var past = await history.OfferHistoryAsync(cart, group, now - TimeSpan.FromDays(Math.Max(policy.CooldownDays, 1)), ct);
        return LoyaltyRules.Choose(stepOffer, policy, past, now);
    }

    /// <summary>
    /// The emails the cap group sent to <paramref name="email"/> in the window: read for every address of the batch at the
    /// first need (the window ends at that read; a batch lasts seconds), then taken from the batch.
    /// </summary>
    private async Task<int> RecordedSendsAsync(SendingBatch batch, long storeId, IReadOnlyList<long> group, TimeSpan window, string email,
        DateTimeOffset now, CancellationToken ct)
    {
        if (batch.TryGetRecorded(storeId, window, email, out var sent))
            return sent;
        var asked = batch.ToRead(storeId, window, email);
        batch.SetRecorded(storeId, window, asked, await messages.CountEmailsSentAsync(group, asked, now - window, ct));
        batch.TryGetRecorded(storeId, window, email, out sent);
        return sent;
    }

    private static string Clock(TimeOnly time) => time.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    private static TimelineEntry Describe(TimeSpan window) =>
        window.TotalDays >= 1 && window.TotalDays == Math.Floor(window.TotalDays) ? TimelineEntry.Of(TimelineCodes.Days, TimelineArg.Of((long)window.TotalDays))
            : window.TotalHours == Math.Floor(window.TotalHours) ? TimelineEntry.Of(TimelineCodes.Hours, TimelineArg.Of((long)window.TotalHours))
            : TimelineEntry.Of(TimelineCodes.Minutes, TimelineArg.Of((long)Math.Round(window.TotalMinutes)));
}
