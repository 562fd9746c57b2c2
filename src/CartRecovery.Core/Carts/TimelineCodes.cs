namespace CartRecovery.Core.Carts;

/// <summary>
/// The stable codes of <see cref="TimelineEntry"/>: what happened (events) and why (reasons, nested in events). They are
/// stored, so a code never changes meaning; its words live in <see cref="TimelineTexts"/>.
/// </summary>
public static class TimelineCodes
{
    public const string Captured = "captured";
    public const string Updated = "updated";
    public const string LateDetails = "late-details";
    public const string Abandoned = "abandoned";
    public const string Enrolled = "enrolled";
    public const string NotEnrolled = "not-enrolled";
    /// <summary>Enrolled in a sequence's control group: no message will be sent (issue 15's hold-out).</summary>
    public const string HeldOut = "held-out";
    /// <summary>Reason: the cart is in its sequence's control group.</summary>
    public const string InControlGroup = "in-control-group";
    public const string StepSent = "step-sent";
    public const string StepSentEarlier = "step-sent-earlier";
    public const string StepDeferred = "step-deferred";
    public const string OfferWithheld = "offer-withheld";
    public const string TaskCreated = "task-created";
    public const string TextSent = "text-sent";
    public const string TextSentEarlier = "text-sent-earlier";
    public const string ShortLinkClicked = "short-link-clicked";
    public const string StepCancelled = "step-cancelled";
    public const string StepQuarantined = "step-quarantined";
    public const string StepFailed = "step-failed";
    public const string StepFailedRetrying = "step-failed-retrying";
    public const string Clicked = "clicked";
    /// <summary>The customer gave a reason for leaving (a <c>leave.*</c> entry), then what the sequence does about it.</summary>
    public const string ReasonGiven = "reason-given";
    /// <summary>At enrolment, a reason given earlier was answered (a <c>leave.*</c> entry, then what the sequence does).</summary>
    public const string EarlierReasonAnswered = "reason-answered";
    public const string Recovered = "recovered";
    public const string Converted = "converted";
    /// <summary>The cart expired or opted out; the reason says why.</summary>
    public const string Closed = "closed";
    public const string ClosedWithTask = "closed-with-task";
    /// <summary>Free text someone else wrote (an opt-out reason, a provider's error), shown as it is.</summary>
    public const string Text = "text";

    public const string TooOld = "reason.too-old";
    /// <summary>Reason: the store's plan waits for the merchant's approval (plan name).</summary>
    public const string PlanApproval = "reason.plan-approval";
    /// <summary>Reason: the plan's emails of the period are used up (plan name, allowance, period end).</summary>
    public const string PlanUsedUp = "reason.plan-used-up";
    public const string EmptyCart = "reason.empty-cart";
    public const string NoConsent = "reason.no-consent";
    public const string QuietHours = "reason.quiet-hours";
    public const string FrequencyCap = "reason.frequency-cap";
    public const string Days = "reason.days";
    public const string Hours = "reason.hours";
    public const string Minutes = "reason.minutes";
    public const string NoEmail = "reason.no-email";
    public const string Suppressed = "reason.suppressed";
    public const string PlatformOrdered = "reason.platform-ordered";
    public const string PlatformGone = "reason.platform-gone";
    public const string PlatformDeleted = "reason.platform-deleted";
    public const string Emptied = "reason.emptied";
    public const string Stopped = "reason.stopped";
    public const string Replaced = "reason.replaced";
    public const string OfferCurrency = "reason.offer-currency";
    public const string OfferTooBig = "reason.offer-too-big";
    public const string OfferCooldown = "reason.offer-cooldown";
    public const string OfferFarming = "reason.offer-farming";
    public const string Quarantined = "reason.quarantined";
    public const string CartGone = "reason.cart-gone";
    public const string CartClosed = "reason.cart-closed";
    /// <summary>A text was not sent; the argument is the SMS rules' reason (free text).</summary>
    public const string TextSkipped = "reason.text-skipped";
    public const string TextRefused = "reason.text-refused";
    // Why a text is skipped or waits (SmsSending's rules).
    public const string TextsOff = "reason.texts-off";
    public const string NoSmsConsent = "reason.no-sms-consent";
    public const string RefusedTexts = "reason.refused-texts";
    public const string StopReplied = "reason.stop-replied";
    public const string NoMobileNumber = "reason.no-mobile-number";
    public const string TextWindow = "reason.text-window";
    // What the sequence does about the reason a customer gave (ReasonBranching).
    public const string FreeShippingNext = "reason.free-shipping-next";
    public const string OfferBroughtForward = "reason.offer-brought-forward";
    public const string OvertakenByOffer = "reason.overtaken-by-offer";
    public const string FollowUpNow = "reason.follow-up-now";
    public const string JustLooking = "reason.just-looking";
    public const string ContinuesAsPlanned = "reason.continues-as-planned";
    /// <summary>The reason came before the cart was abandoned (the capture script's exit question): it is answered at enrolment.</summary>
    public const string AnsweredAtEnrolment = "reason.answered-at-enrolment";
    /// <summary>The reason came after the cart's sequence ended (its status): nothing changes.</summary>
    public const string SequenceOver = "reason.sequence-over";

    /// <summary>Why a cart's phone cannot be texted (<c>MobileNumber.Problem</c>) as a nested entry, so it reads in the reader's language.</summary>
    public static TimelineEntry PhoneProblem(string problem) => TimelineEntry.Of("phone." + problem);

    /// <summary>A reason a customer gave for leaving as a nested entry ("leave.ShippingCost"), so it reads in the reader's language.</summary>
    public static TimelineEntry Leave(Reasons.LeaveReason reason) => TimelineEntry.Of("leave." + reason);

    /// <summary>A cart's status as a nested entry ("status.Recovered"), so it reads in the reader's language.</summary>
    public static TimelineEntry Status(CartStatus status) => TimelineEntry.Of("status." + status);
}
