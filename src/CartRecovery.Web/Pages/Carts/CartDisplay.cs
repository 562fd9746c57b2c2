using System.Globalization;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Messages;
using CartRecovery.Core.Stores;
using CartRecovery.Web.Pages.AppShell;
using Microsoft.Extensions.Localization;

namespace CartRecovery.Web.Pages.Carts;

/// <summary>
/// How the carts and follow-up pages show a cart's figures: money in the cart's currency and dates in its store's time
/// zone, both in the page's culture; statuses and timeline kinds as English keys the views translate.
/// </summary>
internal static class CartDisplay
{
    public static string Money(long minor, string currency) => Core.Money.Format(minor, currency, CultureInfo.CurrentCulture);

    /// <summary>The instant on the store's clock, e.g. "3 Dec 2026, 14:05" (the month's name in the page's language).</summary>
    public static string When(DateTimeOffset at, Store store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return AppShell.PageDates.When(at, store.ResolveTimeZone());
    }

    /// <summary>
    /// A timeline event's words in the page's language: from its code and arguments when it has them (money and dates
    /// as on the rest of the page; an opt-out's reason as the suppression list words it), else the English it was
    /// stored with (events written before codes existed).
    /// </summary>
    public static string Describe(CartEvent cartEvent, IStringLocalizer<TimelineWords> words, OptOutReasonWords reasons, Store store)
    {
        ArgumentNullException.ThrowIfNull(cartEvent);
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(reasons);
        if (cartEvent.Entry is not { } entry)
            return cartEvent.Detail;
        if (entry.Code is TimelineCodes.Closed or TimelineCodes.ClosedWithTask && entry.Args is [{ Text: { } reason }, ..])
            entry = entry with { Args = [TimelineArg.Of(reasons.Describe(reason)), .. entry.Args.Skip(1)] };
        return TimelineTexts.Render(entry, english => words[english], CultureInfo.CurrentCulture, at => When(at, store));
    }

    /// <summary>The machine-readable form of <see cref="When"/> for <c>&lt;time datetime&gt;</c>.</summary>
    public static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    public static string StatusLabel(CartStatus status) => status switch
    {
        CartStatus.Active => "Active",
        CartStatus.Abandoned => "Abandoned",
        CartStatus.Expired => "Stopped or expired",
        CartStatus.OptedOut => "Opted out",
        CartStatus.ConvertedUnassisted => "Ordered",
        CartStatus.Recovered => "Recovered",
        _ => status.ToString(),
    };

    public static string StatusBadge(CartStatus status) => status switch
    {
        CartStatus.Abandoned => "badge warning",
        CartStatus.Recovered => "badge success",
        CartStatus.ConvertedUnassisted => "badge info",
        CartStatus.OptedOut => "badge critical",
        _ => "badge",
    };

    public static string MessageLabel(MessageStatus status) => status switch
    {
        MessageStatus.Pending => "Scheduled",
        MessageStatus.Claimed => "Sending",
        MessageStatus.Sent => "Sent",
        MessageStatus.Failed => "Failed",
        MessageStatus.Cancelled => "Cancelled",
        MessageStatus.Quarantined => "Set aside",
        _ => status.ToString(),
    };

    public static string MessageBadge(MessageStatus status) => status switch
    {
        MessageStatus.Sent => "badge success",
        MessageStatus.Pending or MessageStatus.Claimed => "badge info",
        MessageStatus.Failed or MessageStatus.Quarantined => "badge critical",
        _ => "badge",
    };

    /// <summary>The highest step that went out (an email sent or a follow-up task created), or null.</summary>
    public static int? StepReached(IEnumerable<OutboundMessage> messages) =>
        messages.Where(m => m.Status == MessageStatus.Sent).Select(m => (int?)m.Step).Max();

    /// <summary>What a timeline entry is, as an English key; unknown kinds show as they are stored.</summary>
    public static string EventLabel(string kind) => kind switch
    {
        CartEventKinds.Captured => "Captured",
        CartEventKinds.Updated => "Updated",
        CartEventKinds.Abandoned => "Abandoned",
        CartEventKinds.NotEnrolled => "Not enrolled",
        CartEventKinds.MessageSent => "Message sent",
        CartEventKinds.MessageFailed => "Message failed",
        CartEventKinds.MessageQuarantined => "Message set aside",
        CartEventKinds.MessageCancelled => "Message cancelled",
        CartEventKinds.MessageDeferred => "Message deferred",
        CartEventKinds.OfferWithheld => "Offer withheld",
        CartEventKinds.TaskCreated => "Follow-up task created",
        CartEventKinds.Clicked => "Link clicked",
        CartEventKinds.Converted => "Order placed",
        CartEventKinds.Recovered => "Recovered",
        CartEventKinds.OptedOut => "Opted out",
        CartEventKinds.Expired => "Stopped or expired",
        _ => kind,
    };
}
