namespace CartRecovery.Core.Sms;

/// <summary>Each store's <see cref="SmsSettings"/>, one row per store.</summary>
public interface ISmsSettingsRepository
{
    /// <summary>The store's saved settings, or <see cref="SmsSettings.Default"/> (texts off) when it never saved any.</summary>
    Task<SmsSettings> GetAsync(long storeId, CancellationToken ct);

    /// <summary>Inserts or replaces the store's settings. The caller has checked <see cref="SmsSettings.Problems"/>.</summary>
    Task SaveAsync(long storeId, SmsSettings settings, DateTimeOffset now, CancellationToken ct);
}
