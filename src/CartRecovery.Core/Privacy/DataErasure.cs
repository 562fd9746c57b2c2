using CartRecovery.Core.Email;

namespace CartRecovery.Core.Privacy;

/// <summary>
/// Erasure of a customer or of a whole shop, whoever asks (a platform's redact webhook, the shop's removal): the rows
/// and then the copies of the emails sent to them that the transport keeps on our disk.
/// </summary>
public sealed class DataErasure(IPrivacyRepository privacy, IEmailTransport transport)
{
    /// <summary>Erases the customer's carts, messages, suppressions and exports in the store. Returns carts erased.</summary>
    public async Task<int> EraseCustomerAsync(long storeId, string email, CancellationToken ct)
    {
        // Listed first: once the rows are gone nothing says which copies were theirs.
        var sent = await privacy.ListMessageIdsAsync(storeId, email, ct);
        var erased = await privacy.EraseCustomerAsync(storeId, email, ct);
        await EraseCopiesAsync(sent, ct);
        return erased;
    }

    /// <summary>Erases everything of the store except the store row itself.</summary>
    public async Task EraseStoreAsync(long storeId, CancellationToken ct)
    {
        var sent = await privacy.ListMessageIdsAsync(storeId, null, ct);
        await privacy.EraseStoreDataAsync(storeId, ct);
        await EraseCopiesAsync(sent, ct);
    }

    /// <summary>Removes the copies the transport keeps of these messages (the retention purge deletes their rows itself).</summary>
    public async Task EraseCopiesAsync(IReadOnlyList<long> messageIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(messageIds);
        if (messageIds.Count > 0 && transport is ISentEmailEraser eraser)
            await eraser.EraseAsync(messageIds, ct);
    }
}
