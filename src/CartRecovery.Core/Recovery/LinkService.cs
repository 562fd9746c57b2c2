using CartRecovery.Core.Carts;
using CartRecovery.Core.Messages;
using CartRecovery.Core.Outbound;
using CartRecovery.Core.Restore;
using CartRecovery.Core.Sequences;
using CartRecovery.Core.Storefronts;
using CartRecovery.Core.Stores;
using CartRecovery.Core.Suppression;
using CartRecovery.Core.Telemetry;
using Microsoft.Extensions.Logging;

namespace CartRecovery.Core.Recovery;

/// <summary>What happens when a customer follows a restore or unsubscribe link.</summary>
public sealed partial class LinkService(
    LinkTokenSigner signer,
    ShortLinkSigner shortLinks,
    IMessageRepository messages,
    IStoreRepository stores,
    ISuppressionList suppressions,
    OptOut optOut,
    StorefrontRegistry storefronts,
    OutboundOptions outbound,
    TimeProvider time,
    ILogger<LinkService> logger)
{
    /// <summary>Checks a restore token, records the click on the cart's timeline and says where to send the customer.</summary>
    public Task<RestoreResult> RestoreAsync(string token, CancellationToken ct) =>
        TracedAsync(activity => FollowRestoreLinkAsync(token, activity, ct));

    /// <summary>
    /// As <see cref="RestoreAsync"/> for the short link of a text (<c>/s/{code}</c>): the code is checked against the store
    /// of the message it names, so a code only opens that store's message; the click is recorded on the text.
    /// </summary>
    public Task<RestoreResult> RestoreShortAsync(string code, CancellationToken ct) =>
        TracedAsync(activity => FollowShortLinkAsync(code, activity, ct));

    private static async Task<RestoreResult> TracedAsync(Func<System.Diagnostics.Activity?, Task<RestoreResult>> follow)
    {
        using var activity = CartRecoveryTelemetry.Start("restore.click", storeId: null);
        var result = await follow(activity);
        var outcome = OutcomeName(result.Outcome);
        activity?.SetTag(CartRecoveryTelemetry.Tags.Outcome, outcome);
        LinkMetrics.RestoreClicked(outcome);
        return result;
    }

    // The metric's and trace's label, without two strings per click.
    private static string OutcomeName(RestoreOutcome outcome) => outcome switch
    {
        RestoreOutcome.Redirect => "redirect",
        RestoreOutcome.Expired => "expired",
        RestoreOutcome.Invalid => "invalid",
        RestoreOutcome.Refused => "refused",
        _ => outcome.ToString().ToLowerInvariant(),
    };

    private async Task<RestoreResult> FollowRestoreLinkAsync(string token, System.Diagnostics.Activity? activity, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var check = signer.Check(token, TokenPurpose.Restore, now);
        if (check.State == TokenState.Invalid)
            return RestoreResult.Invalid;
        if (await LoadAsync(check.MessageId, ct) is not var (link, store))
            return RestoreResult.Invalid;
        return await FollowAsync(check.State, link, store, now, activity, ct);
    }

    private async Task<RestoreResult> FollowShortLinkAsync(string code, System.Diagnostics.Activity? activity, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (ShortLinkSigner.MessageIdOf(code) is not { } messageId)
            return RestoreResult.Invalid;
        if (await LoadAsync(messageId, ct) is not var (link, store))
            return RestoreResult.Invalid;
        var check = shortLinks.Check(code, link.StoreId, now);
        if (check.State == TokenState.Invalid || check.MessageId != link.MessageId)
            return RestoreResult.Invalid;
        return await FollowAsync(check.State, link, store, now, activity, ct);
    }

    private async Task<RestoreResult> FollowAsync(
        TokenState state, MessageLink link, Store store, DateTimeOffset now, System.Diagnostics.Activity? activity, CancellationToken ct)
    {
        var cart = link.Cart;
        activity?.SetTag(CartRecoveryTelemetry.Tags.StoreId, store.Id).SetTag(CartRecoveryTelemetry.Tags.CartId, cart.Id)
            .SetTag(CartRecoveryTelemetry.Tags.MessageId, link.MessageId).SetTag(CartRecoveryTelemetry.Tags.Step, link.Step);
        if (state == TokenState.Expired)
            return new(RestoreOutcome.Expired, StoreName: store.Name, StoreUrl: LinkableOrNull(store.StorefrontUrl));

        // A cart that already converted has nothing to restore: send the customer to the shop instead.
        var storefront = storefronts.For(store.Platform);
        var destination = cart.Status.IsConverted()
            ? Uri.TryCreate(store.StorefrontUrl, UriKind.Absolute, out var home) ? home : null
            : storefront.BuildRestoreUrl(store, cart, link.OfferCode);
        if (!IsOwnDestination(destination, storefront.OwnHosts(store)))
        {
            Log.Refused(logger, cart.Id, store.Id, destination?.Host ?? "(none)");
            return new(RestoreOutcome.Refused, null, store.Name, LinkableOrNull(store.StorefrontUrl));
        }

        // Recorded only for a link that leads somewhere: a refused destination is the shop's fault, not a visit. The
        // message's click and the timeline entry are one write, sharing a commit with other clicks (the group commit).
        await messages.RecordLinkFollowedAsync(link.MessageId, new(cart.Id, now, CartEventKinds.Clicked,
            TimelineEntry.Of(link.Kind == StepKind.Sms ? TimelineCodes.ShortLinkClicked : TimelineCodes.Clicked, TimelineArg.Of(link.Step)), link.MessageId), ct);
        Log.Clicked(logger, cart.Id, store.Id, link.Step);
        return new(RestoreOutcome.Redirect, destination, store.Name, LinkableOrNull(store.StorefrontUrl));
    }

    /// <summary>
    /// A restore link redirects only to a web link (https; http where the operator allows it) on one of the store's own,
    /// verified hosts: a shop that reports another destination (a foreign host, <c>javascript:</c>) gets no redirect.
    /// </summary>
    private bool IsOwnDestination(Uri? destination, IReadOnlyCollection<string> ownHosts) =>
        destination is not null
        && OutboundUrlPolicy.IsWebLink(destination.OriginalString)
        && (destination.Scheme == Uri.UriSchemeHttps || outbound.AllowHttp)
        && ownHosts.Any(host => string.Equals(host.TrimEnd('.'), destination.IdnHost.TrimEnd('.'), StringComparison.OrdinalIgnoreCase));

    private static string? LinkableOrNull(string? url) => OutboundUrlPolicy.IsWebLink(url) ? url : null;

    /// <summary>Who an unsubscribe token is for, or null when it is not authentic. Expired tokens still count: an opt-out is always honoured.</summary>
    public async Task<UnsubscribeTarget?> FindUnsubscribeTargetAsync(string token, CancellationToken ct)
    {
        var check = signer.Check(token, TokenPurpose.Unsubscribe, time.GetUtcNow());
        if (check.State == TokenState.Invalid)
            return null;
        if (await LoadAsync(check.MessageId, ct) is not var (link, store))
            return null;
        var cart = link.Cart;
        var email = link.Recipient ?? cart.Contact.Email;
        if (string.IsNullOrWhiteSpace(email))
            return null;
        return new(store.Id, store.Name, LinkableOrNull(store.StorefrontUrl), email, Mask(email))
        {
            Locale = string.IsNullOrWhiteSpace(cart.Contact.Locale) ? store.Locale : cart.Contact.Locale.Trim(),
            LogoUrl = LinkableOrNull(store.LogoUrl),
            BrandColor = store.BrandColor,
            AlreadyUnsubscribed = await suppressions.IsSuppressedAsync(store.Id, email, ct),
        };
    }

    /// <summary>Suppresses the address for the store at once and cancels every pending message to it.</summary>
    public async Task<UnsubscribeTarget?> UnsubscribeAsync(string token, CancellationToken ct)
    {
        var target = await FindUnsubscribeTargetAsync(token, ct);
        if (target is null)
            return null;
        var messageId = signer.Check(token, TokenPurpose.Unsubscribe, time.GetUtcNow()).MessageId;
        var cartId = (await messages.GetAsync(messageId, ct))?.CartId;
        var result = await optOut.RecordAsync(new(target.StoreId, target.Email, OptOutReasons.Unsubscribed, cartId), ct);
        Log.Unsubscribed(logger, target.StoreId, result.CancelledMessages);
        return target;
    }

    /// <summary>The message's link read and its store (remembered a few seconds: a burst of clicks on one shop's emails reads it once).</summary>
    private async Task<(MessageLink Link, Store Store)?> LoadAsync(long messageId, CancellationToken ct) =>
        await messages.GetLinkAsync(messageId, ct) is { } link && await stores.GetRecentAsync(link.StoreId, ct) is { } store ? (link, store) : null;

    internal static string Mask(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at <= 0 ? "***" : $"{email[0]}***{email[at..]}";
    }

    private static partial class Log
    {
        // Debug: a click is counted (restore clicks metric) and traced; an information line per click floods the logs in a sale.
        [LoggerMessage(1401, LogLevel.Debug, "Restore link of step {Step} clicked for cart {CartId} of store {StoreId}")]
        public static partial void Clicked(ILogger logger, long cartId, long storeId, int step);

        [LoggerMessage(1403, LogLevel.Warning, "Restore link for cart {CartId} of store {StoreId} leads to {Host}, not the store's own host: not redirected")]
        public static partial void Refused(ILogger logger, long cartId, long storeId, string host);

        [LoggerMessage(1402, LogLevel.Information, "A recipient of store {StoreId} unsubscribed; {Cancelled} pending messages cancelled")]
        public static partial void Unsubscribed(ILogger logger, long storeId, int cancelled);
    }
}
