using System.Globalization;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Messages;
using CartRecovery.Core.Sms;
using CartRecovery.Core.Stores;

namespace CartRecovery.Core.Recovery;

/// <summary>What becomes of a due text: <see cref="Text"/> to send now, or a reason to skip it, or a time to wait for.</summary>
public sealed record SmsPlan(SmsMessage? Text, TimelineEntry? SkipReason = null, DateTimeOffset? WaitUntil = null, TimelineEntry? WaitReason = null)
{
    public static SmsPlan Skip(TimelineEntry reason) => new(null, SkipReason: reason);

    public static SmsPlan Wait(DateTimeOffset until, TimelineEntry reason) => new(null, WaitUntil: until, WaitReason: reason);
}

/// <summary>
/// The text channel's rules for one due message, in the order a merchant reads them on the timeline: texts on for the
/// store, a mobile number (E.164 with the store's country, else the cart's), SMS consent under the store's rule
/// (never email consent), not replied STOP; then the sending hours on the customer's clock, where a closed window
/// defers the text to the next opening instead of skipping it. The recipient is the E.164 number.
/// </summary>
public sealed class SmsSending(
    ISmsSettingsRepository settings,
    ISmsSuppressionList suppressions,
    SmsOptOuts optOuts,
    ISmsComposer composer,
    ISmsTransport transport,
    ShortLinks links,
    TimeProvider time)
{
    public static readonly string TextsOff = TimelineTexts.Words[TimelineCodes.TextsOff];
    public static readonly string NoConsent = TimelineTexts.Words[TimelineCodes.NoSmsConsent];
    public static readonly string Suppressed = TimelineTexts.Words[TimelineCodes.StopReplied];

    public async Task<SmsPlan> PrepareAsync(OutboundMessage message, Cart cart, Store store, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(cart);
        ArgumentNullException.ThrowIfNull(store);
        var sms = await settings.GetAsync(store.Id, ct);
        if (!sms.Enabled)
            return SmsPlan.Skip(TimelineEntry.Of(TimelineCodes.TextsOff));
        var number = sms.NumberOf(cart.Contact);
        if (number.E164 is not { } e164)
            return SmsPlan.Skip(TimelineEntry.Of(TimelineCodes.NoMobileNumber, TimelineArg.Of(TimelineCodes.PhoneProblem(number.Problem ?? ""))));
        if (!sms.Allows(cart.Contact))
            return SmsPlan.Skip(TimelineEntry.Of(sms.Consent == SmsConsentRule.DeclaredByMerchant ? TimelineCodes.RefusedTexts : TimelineCodes.NoSmsConsent));
        if (await suppressions.IsSuppressedAsync(store.Id, e164, ct))
            return SmsPlan.Skip(TimelineEntry.Of(TimelineCodes.StopReplied));
        if (cart.Lines.Count == 0)
            return SmsPlan.Skip(SendingRules.EmptyCart);

        var now = time.GetUtcNow();
        var opens = sms.NextSendingTime(now, e164, store.ResolveTimeZone());
        if (opens > now)
            return SmsPlan.Wait(opens, TimelineEntry.Of(TimelineCodes.TextWindow,
                TimelineArg.Of(sms.Window.Opens.ToString("HH:mm", CultureInfo.InvariantCulture)), TimelineArg.Of(sms.Window.Closes.ToString("HH:mm", CultureInfo.InvariantCulture))));

        var body = await composer.ComposeAsync(new SmsModel(store, cart, message, sms, links.For(store.Id, message.Id, now)), ct);
        return new SmsPlan(new SmsMessage(message.Id, store.Id, e164, body, sms.MessagingServiceSid, sms.FromNumber));
    }

    /// <summary>Hands the text to the transport.</summary>
    /// <exception cref="SmsSendException">The provider refused or failed.</exception>
    public Task<SmsReceipt> SendAsync(SmsMessage text, CancellationToken ct) => transport.SendAsync(text, ct);

    /// <summary>
    /// Exactly once across a crash: the provider's receipt of an earlier attempt at this message (a text to the same
    /// number carrying this message's short link), or null when the provider has none or the cart has no number now.
    /// </summary>
    public async Task<(string E164, SmsReceipt Receipt)?> FindEarlierSendAsync(OutboundMessage message, Cart cart, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(cart);
        var sms = await settings.GetAsync(message.StoreId, ct);
        if (sms.NumberOf(cart.Contact).E164 is not { } e164)
            return null;
        var probe = new SmsMessage(message.Id, message.StoreId, e164, "", sms.MessagingServiceSid, sms.FromNumber);
        return await transport.FindSentAsync(probe, links.Marker(message.Id), ct) is { } receipt ? (e164, receipt) : null;
    }

    /// <summary>The provider says the recipient opted out with it (Twilio 21610): the store stops texting the number too.</summary>
    public Task ProviderReportedOptOutAsync(long storeId, string e164, CancellationToken ct) => optOuts.ProviderReportedOptOutAsync(storeId, e164, ct);
}
