namespace CartRecovery.Core.Recovery;

/// <summary>Who an unsubscribe link is for. <see cref="MaskedEmail"/> is safe to show on a page (j***@example.com).</summary>
public sealed record UnsubscribeTarget(long StoreId, string StoreName, string? StoreUrl, string Email, string MaskedEmail);
