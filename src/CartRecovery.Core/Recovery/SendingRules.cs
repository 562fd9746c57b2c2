using CartRecovery.Core.Billing;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Messages;
using CartRecovery.Core.Stores;

namespace CartRecovery.Core.Recovery;

/// <summary>
/// The store's <see cref="SendingPolicy"/> applied to one cart: whether it may enter a sequence (age, contents, consent)
/// and whether a due email may go out now (consent, quiet hours, the store's plan, frequency cap). Follow-up tasks are not emails and
/// are not asked about. Unsubscribes and suppressions are checked by the dispatcher in every case.
/// </summary>
public sealed class SendingRules(IStorePolicyStore policies, IMessageStore messages, PlanGate plans, RecoveryOptions options, TimeProvider time)
{
    public const string EmptyCart = "the cart is empty";
    public const string NoConsent = "the customer gave no marketing consent and the store emails subscribed customers only";

    /// <summary>Why an idle cart may not enter the store's sequence (it is then expired), or null when it may.</summary>
    public async Task<string?> RefuseEnrolmentAsync(Cart cart, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(cart);
        var policy = await policies.GetAsync(cart.StoreId, ct);
        if (now - cart.PlatformUpdatedAt > (policy.MaxCartAge ?? options.MaxCartAge))
            return "too old to enter a sequence";
        if (cart.Lines.Count == 0)
            return EmptyCart;
        return policy.Allows(cart.Contact) ? null : NoConsent;
    }

    /// <summary>Whether the due email of <paramref name="cart"/> may go out now.</summary>
    public async Task<SendingDecision> CheckEmailAsync(Cart cart, Store store, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(cart);
        ArgumentNullException.ThrowIfNull(store);
        if (cart.Lines.Count == 0)
            return SendingDecision.Cancel(EmptyCart);

        // The policy may have changed since the cart enrolled: consent is checked again at each send.
        var policy = await policies.GetAsync(store.Id, ct);
        if (!policy.Allows(cart.Contact))
            return SendingDecision.Cancel(NoConsent);

        var now = time.GetUtcNow();
        if (policy.QuietHours is { } quiet && quiet.NextAllowed(now, store.ResolveTimeZone()) is var opens && opens > now)
            return SendingDecision.Wait(opens, $"quiet hours {Clock(quiet.Start)}-{Clock(quiet.End)} ({store.TimeZone})");

        // Over its plan the store keeps its carts and messages: they wait for the next period (or a bigger plan).
        if (await plans.CheckAsync(store, ct) is { PausedReason: { } paused, RecheckAt: { } recheck })
            return SendingDecision.Wait(recheck, paused);

        // Cancelled rather than delayed: a reminder days late reads as spam, and the cart's later steps are still
        // checked on their own when they fall due. Emails are counted once sent; two nodes sending to one address in
        // the same instant can both pass, which the cap tolerates (it bounds a week, not a second).
        if (!policy.FrequencyCap.IsOff && cart.Contact.Email is { } email)
        {
            var cap = policy.FrequencyCap;
            var group = await policies.CapGroupAsync(store.Id, ct);
            var sent = await messages.CountEmailsSentAsync(group, email, now - cap.Window, ct);
            if (sent >= cap.MaxEmails)
                return SendingDecision.Cancel($"frequency cap: {sent} recovery email(s) already sent to this address within {Describe(cap.Window)}");
        }
        return SendingDecision.Send;
    }

    private static string Clock(TimeOnly time) => time.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    private static string Describe(TimeSpan window) =>
        window.TotalDays >= 1 && window.TotalDays == Math.Floor(window.TotalDays) ? FormattableString.Invariant($"{window.TotalDays:0} day(s)")
            : FormattableString.Invariant($"{window.TotalHours:0.#} hour(s)");
}
