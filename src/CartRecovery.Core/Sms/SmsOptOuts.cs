namespace CartRecovery.Core.Sms;

/// <summary>
/// The one place a number stops (or resumes) receiving a store's texts: an inbound STOP/ARRET or START through the
/// provider's webhook, or the provider refusing a send because the recipient opted out (Twilio 21610). Takes effect at
/// once: the next text to that number is refused by the suppression check.
/// </summary>
public sealed class SmsOptOuts(ISmsSuppressionList suppressions, TimeProvider time)
{
    /// <summary>Acts on an inbound text from <paramref name="from"/> (E.164, as the provider sends it) to the store.</summary>
    public async Task<SmsKeyword> ReceiveAsync(long storeId, string from, string? body, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(from);
        var number = MobileNumber.Parse(from, null).E164 ?? from.Trim();
        var keyword = SmsKeywords.Read(body);
        if (keyword == SmsKeyword.Stop)
            await suppressions.SuppressAsync(storeId, number, $"replied {body!.Trim().ToUpperInvariant()}", time.GetUtcNow(), ct);
        else if (keyword == SmsKeyword.Start)
            await suppressions.RemoveAsync(storeId, number, ct);
        return keyword;
    }

    /// <summary>The provider refused a send because the recipient opted out with it: the store stops texting the number too.</summary>
    public Task ProviderReportedOptOutAsync(long storeId, string e164, CancellationToken ct) =>
        suppressions.SuppressAsync(storeId, e164, "opted out at the SMS provider", time.GetUtcNow(), ct);
}
