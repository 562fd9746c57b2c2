namespace CartRecovery.Core.Sms;

/// <summary>
/// Numbers a store must not text: the customer replied STOP (or the provider says they did, Twilio 21610). Numbers are
/// E.164; a START removes the number again.
/// </summary>
public interface ISmsSuppressionList
{
    Task<bool> IsSuppressedAsync(long storeId, string e164, CancellationToken ct);

    /// <summary>Adds the number (idempotent: the first reason and time are kept).</summary>
    Task SuppressAsync(long storeId, string e164, string reason, DateTimeOffset at, CancellationToken ct);

    /// <summary>Removes the number (the customer texted START). True when it was there.</summary>
    Task<bool> RemoveAsync(long storeId, string e164, CancellationToken ct);
}
