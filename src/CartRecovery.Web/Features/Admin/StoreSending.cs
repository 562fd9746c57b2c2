using CartRecovery.Core.Stores;
using CartRecovery.Core.Suppression;
using CartRecovery.Web.Features.Audit;

namespace CartRecovery.Web.Features.Admin;

/// <summary>
/// A store's sending controls as one set of actions, for the API and the settings page alike: suppress an address
/// (its pending messages cancelled), lift a suppression, pause and resume sending; each change audited.
/// </summary>
internal sealed class StoreSending(ISuppressionList suppressions, OptOut optOut, IStoreRepository repository, AuditTrail audit)
{
    /// <summary>Why sending waits when the merchant paused it (shown as the store's paused reason).</summary>
    public const string PausedByMerchant = "paused by the merchant";

    public async Task<StoreSendingEndpoints.SuppressionResponse> SuppressAsync(Store store, string email, string? reason, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        var why = string.IsNullOrWhiteSpace(reason) ? OptOutReasons.AddedByMerchant : reason.Trim();
        var result = await optOut.RecordAsync(new(store.Id, email, why), ct);
        // The customer's address never goes into the audit in clear: its fingerprint tells entries about it apart.
        var fingerprint = AuditTrail.Fingerprint(email);
        await audit.RecordAsync(store, "suppression.add", null, new
        {
            email = fingerprint, reason = why, cancelledMessages = result.CancelledMessages,
            closedCarts = result.ClosedCarts, closedTasks = result.ClosedTasks,
        }, ct, $"suppression:{fingerprint}");
        return new StoreSendingEndpoints.SuppressionResponse(email.Trim(), why, result.CancelledMessages);
    }

    /// <summary>False when the address was not on the list.</summary>
    public async Task<bool> LiftAsync(Store store, string email, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (!await suppressions.RemoveAsync(store.Id, email, ct))
            return false;
        var fingerprint = AuditTrail.Fingerprint(email);
        await audit.RecordAsync(store, "suppression.remove", new { email = fingerprint }, null, ct, $"suppression:{fingerprint}");
        return true;
    }

    /// <summary>Stops every send of the store until it is resumed (carts keep being captured and enrolled).</summary>
    public Task<Store> PauseAsync(Store store, CancellationToken ct) => SetPausedReasonAsync(store, PausedByMerchant, "store.pause-sending", ct);

    /// <summary>Sends again: after the merchant's pause, or once the credentials the email provider rejected are fixed.</summary>
    public Task<Store> ResumeAsync(Store store, CancellationToken ct) => SetPausedReasonAsync(store, null, "store.resume-sending", ct);

    private async Task<Store> SetPausedReasonAsync(Store store, string? reason, string action, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (store.SendingPausedReason == reason || (reason is not null && store.SendingPausedReason is not null))
            return store;
        var changed = await repository.UpsertAsync(store with { SendingPausedReason = reason }, ct);
        await audit.RecordAsync(changed, action, new { sendingPausedReason = store.SendingPausedReason }, new { sendingPausedReason = reason }, ct);
        return changed;
    }
}
