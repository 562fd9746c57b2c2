using CartRecovery.Core.Stores;

namespace CartRecovery.Core.FeedHealth;

/// <summary>
/// Emails one person of a store's account that a feed went stale or broken (<paramref name="recovered"/> false) or came
/// back (true), through the app's own account emails, in the shop's language.
/// </summary>
public interface IFeedAlertSender
{
    /// <summary>True when the transport took the email.</summary>
    Task<bool> SendAsync(string recipient, Store store, FeedReport report, bool recovered, CancellationToken ct);
}
