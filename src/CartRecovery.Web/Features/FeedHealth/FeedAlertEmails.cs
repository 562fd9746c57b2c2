using System.Globalization;
using CartRecovery.Core.FeedHealth;
using CartRecovery.Core.Recovery;
using CartRecovery.Core.Stores;
using CartRecovery.Web.Features.SignIn;
using Microsoft.AspNetCore.WebUtilities;

namespace CartRecovery.Web.Features.FeedHealth;

/// <summary>
/// The feed alarm emails, sent as the app's own account emails (<see cref="AccountEmails"/>: same sender, layout and
/// transport as sign-in links) in the shop's language, with a button to the shop's health tab.
/// </summary>
internal sealed class FeedAlertEmails(AccountEmails emails, RecoveryOptions recovery) : IFeedAlertSender
{
    public Task<bool> SendAsync(string recipient, Store store, FeedReport report, bool recovered, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(report);
        var language = store.Locale.StartsWith(PageLanguage.French, StringComparison.OrdinalIgnoreCase) ? PageLanguage.French : PageLanguage.English;
        var words = FeedAlertTexts.For(language);
        var feed = words.Feed(report.Source);
        var subject = string.Format(CultureInfo.InvariantCulture, recovered ? words.RecoveredSubject : words.AlarmSubject, store.Name, feed);
        var text = recovered
            ? string.Format(CultureInfo.InvariantCulture, words.RecoveredText, store.Name, feed)
            : string.Format(CultureInfo.InvariantCulture, words.AlarmText, store.Name, feed, words.Why(report));
        var link = new Uri(QueryHelpers.AddQueryString(new Uri(recovery.PublicBaseUrl, "app/settings").AbsoluteUri,
            new Dictionary<string, string?> { ["store"] = store.Id.ToString(CultureInfo.InvariantCulture), ["tab"] = "health" }));
        return emails.SendNoticeAsync(recipient, subject, text, link, words.Button, language, recovered ? "feed-recovered" : "feed-alarm", ct);
    }
}
