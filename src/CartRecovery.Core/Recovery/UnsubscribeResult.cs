namespace CartRecovery.Core.Recovery;

/// <summary>
/// Who an unsubscribe link is for, and what the page needs to speak for the shop. <see cref="MaskedEmail"/> is safe to
/// show on a page (j***@example.com); <see cref="Locale"/> is the recipient's (else the shop's); <see cref="LogoUrl"/>
/// is a web address or null; <see cref="AlreadyUnsubscribed"/> tells the page not to ask again.
/// </summary>
public sealed record UnsubscribeTarget(long StoreId, string StoreName, string? StoreUrl, string Email, string MaskedEmail)
{
    public string Locale { get; init; } = "en";
    public string? LogoUrl { get; init; }
    public string? BrandColor { get; init; }
    public bool AlreadyUnsubscribed { get; init; }
}
