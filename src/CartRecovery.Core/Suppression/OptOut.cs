using Microsoft.Extensions.Logging;

namespace CartRecovery.Core.Suppression;

/// <summary>
/// The one way a recipient is opted out of a store's messages, whoever asks: the recipient (unsubscribe link), the email
/// provider (bounce, complaint, inactive address), the merchant (suppression list) or a send that finds the address
/// suppressed. The address is suppressed, every pending message to it is cancelled, its open carts (and the cart the
/// request came through) close as opted out with the reason on their timeline, and their open follow-up tasks close so
/// that nobody on the team calls someone who asked not to be contacted. The store applies all of it in one transaction.
/// </summary>
public sealed partial class OptOut(ISuppressionList suppressions, TimeProvider time, ILogger<OptOut> logger)
{
    /// <summary>Opts the address out. Idempotent: a second request changes nothing and keeps the first reason.</summary>
    public async Task<OptOutResult> RecordAsync(OptOutRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Email);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Reason);
        var now = time.GetUtcNow();
        var record = new OptOutRecord(request.StoreId, request.Email.Trim(), request.Reason.Trim(), request.CartId,
            request.OccurredAt is { } at && at < now ? at : now, now);
        var result = await suppressions.OptOutAsync(record, ct);
        Log.OptedOut(logger, request.StoreId, result.CancelledMessages, result.ClosedCarts, result.ClosedTasks);
        return result;
    }

    private static partial class Log
    {
        [LoggerMessage(1501, LogLevel.Information,
            "A recipient of store {StoreId} opted out: {Cancelled} pending messages cancelled, {Carts} carts and {Tasks} follow-up tasks closed")]
        public static partial void OptedOut(ILogger logger, long storeId, int cancelled, int carts, int tasks);
    }
}

/// <summary>
/// Who opts out of which store and why. <paramref name="CartId"/> is the cart the request came through (the message's
/// cart), closed even when its address changed since; <paramref name="OccurredAt"/> is when the provider saw it, if it says.
/// </summary>
public sealed record OptOutRequest(long StoreId, string Email, string Reason, long? CartId = null, DateTimeOffset? OccurredAt = null);
