namespace CartRecovery.Core.Privacy;

/// <summary>What a store holds about one customer, for a data request.</summary>
public sealed record CustomerDataExport(long StoreId, string Email, IReadOnlyList<object> Carts, IReadOnlyList<object> Messages, IReadOnlyList<object> Suppressions);

/// <summary>Customer and shop data on request: export, erase (a customer), erase (a whole shop).</summary>
public interface IPrivacyStore
{
    /// <summary>Every cart (with lines), message and suppression of the address in the store.</summary>
    Task<CustomerDataExport> ExportCustomerAsync(long storeId, string email, CancellationToken ct);

    /// <summary>Deletes every cart (with lines, messages, timeline, tasks) and suppression of the address. Returns carts erased.</summary>
    Task<int> EraseCustomerAsync(long storeId, string email, CancellationToken ct);

    /// <summary>Deletes everything of the store except the store row itself, which is kept as Uninstalled.</summary>
    Task EraseStoreDataAsync(long storeId, CancellationToken ct);
}
