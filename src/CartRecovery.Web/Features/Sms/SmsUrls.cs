using CartRecovery.Core.Stores;
using CartRecovery.Core.Recovery;
using CartRecovery.Sms.Twilio;
using Microsoft.Extensions.Options;

namespace CartRecovery.Web.Features.Sms;

/// <summary>The two addresses a merchant pastes in Twilio for a store: the incoming-message webhook and the status callback.</summary>
internal sealed record SmsUrls(Uri? Inbound, Uri StatusCallback)
{
    /// <summary>
    /// On the app's public address; the status callback is the configured one when set (each send also names it). A store
    /// without a public key (none is issued before it connects) has no inbound URL yet.
    /// </summary>
    public static SmsUrls For(Store store, RecoveryOptions recovery, IOptions<TwilioOptions> twilio)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(recovery);
        ArgumentNullException.ThrowIfNull(twilio);
        var inbound = store.PublicKey is { } key ? new Uri(recovery.PublicBaseUrl, TwilioSmsEndpoints.InboundPath(key).TrimStart('/')) : null;
        return new(inbound, twilio.Value.StatusCallbackUrl ?? new Uri(recovery.PublicBaseUrl, TwilioSmsEndpoints.StatusPath.TrimStart('/')));
    }
}
