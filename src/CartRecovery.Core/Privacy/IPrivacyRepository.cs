namespace CartRecovery.Core.Privacy;

/// <summary>
/// What a store holds about one customer, for a data request: <see cref="Suppressions"/> are their email suppressions,
/// <see cref="SmsSuppressions"/> the suppressed numbers (E.164) of the phones on their carts.
/// </summary>
public sealed record CustomerDataExport(long StoreId, string Email, IReadOnlyList<object> Carts, IReadOnlyList<object> Messages, IReadOnlyList<object> Suppressions)
{
    public IReadOnlyList<object> SmsSuppressions { get; init; } = [];
}

/// <summary>An export kept for the merchant: <see cref="Json"/> is the serialized <see cref="CustomerDataExport"/>.</summary>
public sealed record RecordedExport(long StoreId, string RequestId, string Email, string Json, DateTimeOffset CreatedAt);

/// <summary>Customer and shop data on request: export, erase (a customer), erase (a whole shop).</summary>
public interface IPrivacyRepository
{
    /// <summary>Every cart (with lines), message and suppression (email, and SMS for the carts' phones) of the address in the store.</summary>
    Task<CustomerDataExport> ExportCustomerAsync(long storeId, string email, CancellationToken ct);

    /// <summary>Keeps an export for the merchant to fetch (a platform data request), keyed by the platform's request id.</summary>
    Task RecordExportAsync(long storeId, string requestId, CustomerDataExport data, DateTimeOffset at, CancellationToken ct);

    /// <summary>The exports recorded for a store, newest first, as JSON documents.</summary>
    Task<IReadOnlyList<RecordedExport>> ListExportsAsync(long storeId, CancellationToken ct);

    /// <summary>The ids of the messages of the address in the store, or of every message of the store when <paramref name="email"/> is null.</summary>
    Task<IReadOnlyList<long>> ListMessageIdsAsync(long storeId, string? email, CancellationToken ct);

    /// <summary>Deletes every cart (with lines, messages, timeline, tasks) and suppression of the address. Returns carts erased.</summary>
    Task<int> EraseCustomerAsync(long storeId, string email, CancellationToken ct);

    /// <summary>Deletes everything of the store except the store row itself, which is kept as Uninstalled.</summary>
    Task EraseStoreDataAsync(long storeId, CancellationToken ct);
}
