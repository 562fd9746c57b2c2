using System.Globalization;

namespace CartRecovery.Core.Carts;

/// <summary>
/// The English words of each <see cref="TimelineCodes"/> code, with <c>{0}</c>, <c>{1}</c>… for its arguments. The API's
/// <see cref="CartEvent.Detail"/> is <see cref="English"/>; the cart page passes a translation of these same words
/// (the English text is the key of the page's French resources) with its culture and the store's time zone.
/// </summary>
public static class TimelineTexts
{
    public static readonly IReadOnlyDictionary<string, string> Words = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [TimelineCodes.Captured] = "Cart captured: {0} line(s), {1}",
        [TimelineCodes.Updated] = "Cart updated: {0} line(s), {1}",
        [TimelineCodes.LateDetails] = "Missing details filled in from a late update",
        [TimelineCodes.Abandoned] = "Abandoned; {0} step(s) scheduled",
        [TimelineCodes.Enrolled] = "Enrolled in sequence '{0}' (#{1}, version {2})",
        [TimelineCodes.NotEnrolled] = "No sequence of the store matches this cart; nothing is scheduled",
        [TimelineCodes.HeldOut] = "Held out of sequence '{0}' (#{1}, version {2}) as its control group: no message will be sent",
        [TimelineCodes.InControlGroup] = "the cart is in the sequence's control group",
        [TimelineCodes.StepSent] = "Step {0} email sent",
        [TimelineCodes.StepSentEarlier] = "Step {0} email sent (an earlier attempt had been accepted)",
        [TimelineCodes.StepDeferred] = "Step {0} waits until {1}: {2}",
        [TimelineCodes.OfferWithheld] = "Step {0} goes out without its offer: {1}",
        [TimelineCodes.TaskCreated] = "Step {0}: follow-up task created",
        [TimelineCodes.TextSent] = "Step {0} text sent, {1} part(s)",
        [TimelineCodes.TextSentEarlier] = "Step {0} text sent (an earlier attempt had been accepted), {1} part(s)",
        [TimelineCodes.ShortLinkClicked] = "Short link of step {0} clicked",
        [TimelineCodes.StepCancelled] = "Step {0} cancelled: {1}",
        [TimelineCodes.StepQuarantined] = "Step {0} quarantined: {1}",
        [TimelineCodes.StepFailed] = "Step {0} failed: {1}",
        [TimelineCodes.StepFailedRetrying] = "Step {0} failed, retrying at {1}: {2}",
        [TimelineCodes.Clicked] = "Restore link of step {0} clicked",
        [TimelineCodes.ReasonGiven] = "The customer said why they left: {0}. {1}",
        [TimelineCodes.EarlierReasonAnswered] = "The sequence answers the reason the customer gave before leaving ({0}). {1}",
        [TimelineCodes.Recovered] = "Order {0} placed, recovered by step {1}",
        [TimelineCodes.Converted] = "Order {0} placed without a message",
        [TimelineCodes.Closed] = "{0}",
        [TimelineCodes.ClosedWithTask] = "{0}; its open follow-up task was closed",
        [TimelineCodes.Text] = "{0}",
        [TimelineCodes.TooOld] = "too old to enter a sequence",
        [TimelineCodes.PlanApproval] = "the {0} plan is waiting for the merchant's approval",
        [TimelineCodes.PlanUsedUp] = "the {0} plan's {1} recovery emails for the period until {2} are used up",
        [TimelineCodes.EmptyCart] = "the cart is empty",
        [TimelineCodes.NoConsent] = "the customer gave no marketing consent and the store emails subscribed customers only",
        [TimelineCodes.QuietHours] = "quiet hours {0}-{1} ({2})",
        [TimelineCodes.FrequencyCap] = "frequency cap: {0} recovery email(s) already sent to this address within {1}",
        [TimelineCodes.Days] = "{0} day(s)",
        [TimelineCodes.Hours] = "{0} hour(s)",
        [TimelineCodes.Minutes] = "{0} minute(s)",
        [TimelineCodes.NoEmail] = "the cart has no email address",
        [TimelineCodes.Suppressed] = "the address is suppressed",
        [TimelineCodes.PlatformOrdered] = "the platform already has an order for this cart",
        [TimelineCodes.PlatformGone] = "the platform no longer has this cart",
        [TimelineCodes.PlatformDeleted] = "the platform deleted the cart",
        [TimelineCodes.Emptied] = "the customer emptied the cart",
        [TimelineCodes.Stopped] = "Sequence stopped by the shop's team",
        [TimelineCodes.Replaced] = "replaced by a newer cart of the same customer (#{0})",
        [TimelineCodes.OfferCurrency] = "a fixed amount is only offered in the shop's currency ({0}); this cart is in {1}",
        [TimelineCodes.OfferTooBig] = "{0} off is not less than the cart's subtotal of {1}",
        [TimelineCodes.OfferCooldown] = "this customer was sent an offer on {0}, within the last {1} days",
        [TimelineCodes.OfferFarming] = "this customer abandoned {0} carts in {1} days without ever ordering; offers do not reward abandoning",
        [TimelineCodes.Quarantined] = "Quarantined: {0} attempts in a row ended without any result (the process died or hung mid-send); "
            + "it is not tried again. Look for what this message sends that others do not (the store's own templates, the cart).",
        [TimelineCodes.CartGone] = "the cart or its store no longer exists",
        [TimelineCodes.CartClosed] = "the cart is {0}",
        [TimelineCodes.TextSkipped] = "text skipped: {0}",
        [TimelineCodes.TextRefused] = "text refused by the provider: {0}",
        [TimelineCodes.TextsOff] = "texts are off for this store",
        [TimelineCodes.NoSmsConsent] = "the customer gave no SMS consent",
        [TimelineCodes.RefusedTexts] = "the customer refused texts",
        [TimelineCodes.StopReplied] = "the number replied STOP to this store's texts",
        [TimelineCodes.NoMobileNumber] = "no mobile number to text ({0})",
        [TimelineCodes.TextWindow] = "texts go out {0}-{1} Monday to Saturday, not on public holidays, on the customer's clock",
        [TimelineCodes.FreeShippingNext] = "Step {0} will offer free shipping",
        [TimelineCodes.OfferBroughtForward] = "The offer of step {0} is brought forward to {1}",
        [TimelineCodes.OvertakenByOffer] = "the offer of a later step was brought forward",
        [TimelineCodes.FollowUpNow] = "A follow-up task was created for the team at once",
        [TimelineCodes.JustLooking] = "The sequence stopped: the customer was just looking",
        [TimelineCodes.ContinuesAsPlanned] = "The sequence continues as planned",
        [TimelineCodes.AnsweredAtEnrolment] = "The sequence will answer it when the cart is abandoned",
        [TimelineCodes.SequenceOver] = "Nothing changes: the cart is {0}",
        ["leave." + Reasons.LeaveReason.ShippingCost] = "shipping cost",
        ["leave." + Reasons.LeaveReason.TotalPrice] = "the total price",
        ["leave." + Reasons.LeaveReason.PaymentProblem] = "a problem with payment",
        ["leave." + Reasons.LeaveReason.NeededMoreTime] = "needed more time",
        ["leave." + Reasons.LeaveReason.Comparing] = "comparing with other shops",
        ["leave." + Reasons.LeaveReason.JustLooking] = "just looking",
        ["leave." + Reasons.LeaveReason.Other] = "another reason",
        // MobileNumber's problems, by their English words.
        ["phone.no phone number"] = "no phone number",
        ["phone.not a phone number"] = "not a phone number",
        ["phone.not a valid phone number"] = "not a valid phone number",
        ["phone.not a mobile number"] = "not a mobile number",
        // Statuses keep their names in English: the API has always written "the cart is ConvertedUnassisted".
        ["status." + CartStatus.Active] = nameof(CartStatus.Active),
        ["status." + CartStatus.Abandoned] = nameof(CartStatus.Abandoned),
        ["status." + CartStatus.Expired] = nameof(CartStatus.Expired),
        ["status." + CartStatus.OptedOut] = nameof(CartStatus.OptedOut),
        ["status." + CartStatus.ConvertedUnassisted] = nameof(CartStatus.ConvertedUnassisted),
        ["status." + CartStatus.Recovered] = nameof(CartStatus.Recovered),
    };

    /// <summary>The API's words: English, invariant numbers, instants in UTC (ISO-like "u" format).</summary>
    public static string English(TimelineEntry entry) =>
        Render(entry, words => words, CultureInfo.InvariantCulture, at => at.ToUniversalTime().ToString("u", CultureInfo.InvariantCulture));

    /// <summary>
    /// The entry in words from <paramref name="translate"/> (given the English words), numbers and money in
    /// <paramref name="culture"/>, instants written by <paramref name="when"/> (the reader's clock). An unknown code
    /// (written by a newer version) shows its code and arguments rather than nothing.
    /// </summary>
    public static string Render(TimelineEntry entry, Func<string, string> translate, CultureInfo culture, Func<DateTimeOffset, string> when)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(translate);
        ArgumentNullException.ThrowIfNull(culture);
        ArgumentNullException.ThrowIfNull(when);
        var args = entry.Args.Select(a => (object)Format(a, translate, culture, when)).ToArray();
        if (!Words.TryGetValue(entry.Code, out var words))
            return string.Join(" ", args.Prepend(entry.Code));
        return string.Format(culture, translate(words), args);
    }

    private static string Format(TimelineArg arg, Func<string, string> translate, CultureInfo culture, Func<DateTimeOffset, string> when) => arg switch
    {
        { Reason: { } reason } => Render(reason, translate, culture, when),
        { At: { } at } => when(at),
        { Number: { } minor, Currency: { } currency } => Money.Format(minor, currency, culture),
        { Number: { } number } => number.ToString(culture),
        _ => arg.Text ?? "",
    };
}
